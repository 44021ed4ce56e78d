import { afterEach, describe, expect, it, vi } from "vitest";
import { preload, takeLoaded } from "./preload";

afterEach(() => {
  vi.useRealTimers();
  // Nothing left over for the next test.
  takeLoaded("today", 0);
  takeLoaded("register", 0);
});

describe("a screen's data asked before the screen is shown", () => {
  it("hands the answer once to the screen it was asked for", async () => {
    expect(await preload("today", () => Promise.resolve({ open: 3 }), 0)).toBe("loaded");
    expect(takeLoaded("register", 0)).toBeNull();
    expect(takeLoaded("today", 0)).toEqual({ open: 3 });
    expect(takeLoaded("today", 0)).toBeNull();
  });

  it("shows the screen without it when the answer is late, a failure or nothing to ask", async () => {
    vi.useFakeTimers();
    const late = preload("today", () => new Promise(() => {}), 0, 250);
    await vi.advanceTimersByTimeAsync(250);
    expect(await late).toBe("without");
    expect(takeLoaded("today", 0)).toBeNull();
    vi.useRealTimers();

    expect(await preload("today", () => Promise.reject(new Error("refusé")), 0)).toBe("without");
    expect(takeLoaded("today", 0)).toBeNull();
    expect(await preload("stats", undefined, 0)).toBe("without");
  });

  it("lets the last screen asked win: an earlier one still waiting is not shown", async () => {
    let answer: (v: string) => void = () => {};
    const first = preload("today", () => new Promise<string>((r) => (answer = r)), 0);
    const second = preload("register", () => Promise.resolve("page"), 0);
    answer("summary");
    expect(await first).toBe("superseded");
    expect(await second).toBe("loaded");
    expect(takeLoaded("today", 0)).toBeNull();
    expect(takeLoaded("register", 0)).toBe("page");
  });

  it("is not taken after changes of the shared register came in, nor once stale", async () => {
    await preload("today", () => Promise.resolve("before the changes"), 4);
    expect(takeLoaded("today", 5)).toBeNull();

    vi.useFakeTimers();
    await preload("today", () => Promise.resolve("old"), 0);
    vi.advanceTimersByTime(2500);
    expect(takeLoaded("today", 0)).toBeNull();
  });
});
