import { afterEach, describe, expect, it, vi } from "vitest";
import { changed } from "../../lib/backend/changes";
import { navigated, preload, takeLoaded, unlessMovedMeanwhile } from "./preload";

const HERE = "false|/registre.db|claire martin|0";

afterEach(() => {
  vi.useRealTimers();
  // Nothing left over for the next test.
  takeLoaded("today", HERE);
  takeLoaded("register", HERE);
});

describe("a screen's data asked before the screen is shown", () => {
  it("hands the answer once to the screen it was asked for", async () => {
    expect(await preload("today", () => Promise.resolve({ open: 3 }), HERE)).toBe("loaded");
    expect(takeLoaded("register", HERE)).toBeNull();
    expect(takeLoaded("today", HERE)).toEqual({ open: 3 });
    expect(takeLoaded("today", HERE)).toBeNull();
  });

  it("shows the screen without it when the answer is late, a failure or nothing to ask", async () => {
    vi.useFakeTimers();
    const late = preload("today", () => new Promise(() => {}), HERE, 250);
    await vi.advanceTimersByTimeAsync(250);
    expect(await late).toBe("without");
    expect(takeLoaded("today", HERE)).toBeNull();
    vi.useRealTimers();

    expect(await preload("today", () => Promise.reject(new Error("refusé")), HERE)).toBe("without");
    expect(takeLoaded("today", HERE)).toBeNull();
    expect(await preload("stats", undefined, HERE)).toBe("without");
  });

  it("lets the last screen asked win: an earlier one still waiting is not shown", async () => {
    let answer: (v: string) => void = () => {};
    const first = preload("today", () => new Promise<string>((r) => (answer = r)), HERE);
    const second = preload("register", () => Promise.resolve("page"), HERE);
    answer("summary");
    expect(await first).toBe("superseded");
    expect(await second).toBe("loaded");
    expect(takeLoaded("today", HERE)).toBeNull();
    expect(takeLoaded("register", HERE)).toBe("page");
  });

  it("shows nothing once the user went elsewhere meanwhile (a file opened from a row)", async () => {
    let answer: (v: string) => void = () => {};
    const waiting = preload("register", () => new Promise<string>((r) => (answer = r)), HERE);
    navigated();
    answer("page");
    expect(await waiting).toBe("superseded");
    expect(takeLoaded("register", HERE)).toBeNull();
  });

  it("is not taken by another register, person or shared register's changes, nor once stale", async () => {
    await preload("today", () => Promise.resolve("Claire's"), HERE);
    expect(takeLoaded("today", "false|/registre.db|paul durand|0")).toBeNull();
    await preload("today", () => Promise.resolve("the real register's"), HERE);
    expect(takeLoaded("today", "true|/demo.db|claire martin|0")).toBeNull();
    await preload("today", () => Promise.resolve("before the changes"), HERE);
    expect(takeLoaded("today", "false|/registre.db|claire martin|1")).toBeNull();

    vi.useFakeTimers();
    await preload("today", () => Promise.resolve("old"), HERE);
    vi.advanceTimersByTime(2500);
    expect(takeLoaded("today", HERE)).toBeNull();
  });

  it("drops what was asked before a change made here", async () => {
    await preload("today", () => Promise.resolve("before the new complaint"), HERE);
    changed("record_complaint", { actor: "Claire Martin" });
    expect(takeLoaded("today", HERE)).toBeNull();

    let answer: (v: string) => void = () => {};
    const waiting = preload("today", () => new Promise<string>((r) => (answer = r)), HERE);
    changed("acknowledge", { actor: "Claire Martin" });
    answer("asked before the acknowledgement");
    expect(await waiting).toBe("without");
    expect(takeLoaded("today", HERE)).toBeNull();

    // A read is no change.
    await preload("today", () => Promise.resolve("fresh"), HERE);
    changed("letter_choices", { actor: "Claire Martin" });
    expect(takeLoaded("today", HERE)).toBe("fresh");
  });
});

describe("work done for the user out of sight, once its data is in", () => {
  it("is done when the user did not move meanwhile", async () => {
    const built: number[] = [];
    await unlessMovedMeanwhile(() => Promise.resolve(7), (v) => built.push(v));
    expect(built).toEqual([7]);
  });

  it("gives way to a screen shown or a preload asked meanwhile", async () => {
    const built: number[] = [];
    let answer: (v: number) => void = () => {};
    const shown = unlessMovedMeanwhile(() => new Promise<number>((r) => (answer = r)), (v) => built.push(v));
    navigated();
    answer(1);
    await shown;

    const asked = unlessMovedMeanwhile(() => new Promise<number>((r) => (answer = r)), (v) => built.push(v));
    await preload("today", () => Promise.resolve({ open: 1 }), HERE);
    answer(2);
    await asked;
    expect(built).toEqual([]);
  });
});
