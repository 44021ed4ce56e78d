import { beforeEach, describe, expect, it, vi } from "vitest";

// The core's answer to the count, as each test sets it.
let answer: () => Promise<{ total: number }>;
vi.mock("../../lib/backend", () => ({
  listRequests: () => answer(),
}));

const { countForSidebar, takeKeptCount } = await import("./openRequests");

const HERE = "false|/registre.db|claire martin|0";

beforeEach(() => {
  takeKeptCount(HERE);
});

describe("the open requests' count read with the app's first screen", () => {
  it("is handed once to the sidebar of the same register and person", async () => {
    answer = () => Promise.resolve({ total: 2 });
    await countForSidebar("Claire Martin", HERE);
    expect(takeKeptCount("false|/registre.db|paul durand|0")).toBeNull();

    await countForSidebar("Claire Martin", HERE);
    expect(takeKeptCount(HERE)).toBe(2);
    expect(takeKeptCount(HERE)).toBeNull();
  });

  it("keeps nothing when the core refuses: the sidebar counts itself", async () => {
    answer = () => Promise.reject(new Error("refusé"));
    await countForSidebar("Claire Martin", HERE);
    expect(takeKeptCount(HERE)).toBeNull();
  });

  it("drops an answer come after the sidebar was shown, or after another count was asked", async () => {
    let answerLate: (n: { total: number }) => void = () => {};
    answer = () => new Promise((resolve) => (answerLate = resolve));
    const late = countForSidebar("Claire Martin", HERE);
    expect(takeKeptCount(HERE)).toBeNull();
    answerLate({ total: 5 });
    await late;
    expect(takeKeptCount(HERE)).toBeNull();

    const first = countForSidebar("Claire Martin", HERE);
    const answerFirst = answerLate;
    answer = () => Promise.resolve({ total: 1 });
    const second = countForSidebar("Claire Martin", HERE);
    answerFirst({ total: 7 });
    await Promise.all([first, second]);
    expect(takeKeptCount(HERE)).toBe(1);
  });
});
