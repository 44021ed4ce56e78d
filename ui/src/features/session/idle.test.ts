import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ACTIVITY_EVENTS, idleDelayMs, watchIdle } from "./idle";

const MINUTE = 60_000;

describe("idle delay", () => {
  it("uses the setting, or the default when out of bounds", () => {
    expect(idleDelayMs(1)).toBe(MINUTE);
    expect(idleDelayMs(240)).toBe(240 * MINUTE);
    expect(idleDelayMs(0)).toBe(15 * MINUTE);
    expect(idleDelayMs(241)).toBe(15 * MINUTE);
    expect(idleDelayMs(2.5)).toBe(15 * MINUTE);
    expect(idleDelayMs(Number.NaN)).toBe(15 * MINUTE);
  });
});

describe("watchIdle", () => {
  let source: EventTarget;

  beforeEach(() => {
    vi.useFakeTimers();
    source = new EventTarget();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("locks after the delay without activity, once", () => {
    const onIdle = vi.fn();
    watchIdle(source, 15, onIdle);
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // Once idle, it stops watching: activity and time change nothing.
    source.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("counts the delay from the last activity", () => {
    const onIdle = vi.fn();
    watchIdle(source, 10, onIdle);
    vi.advanceTimersByTime(9 * MINUTE);
    source.dispatchEvent(new Event("mousemove"));
    vi.advanceTimersByTime(9 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    source.dispatchEvent(new Event("keydown"));
    vi.advanceTimersByTime(10 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("hears every kind of activity", () => {
    for (const type of ACTIVITY_EVENTS) {
      const onIdle = vi.fn();
      const stop = watchIdle(source, 1, onIdle);
      vi.advanceTimersByTime(MINUTE - 10);
      source.dispatchEvent(new Event(type));
      vi.advanceTimersByTime(MINUTE - 10);
      expect(onIdle, type).not.toHaveBeenCalled();
      stop();
    }
  });

  it("locks at once when the computer wakes up past the delay", () => {
    const onIdle = vi.fn();
    let clock = 0;
    watchIdle(source, 5, onIdle, () => clock);
    // Asleep: the clock moved on, the timer did not fire until now.
    clock = 30 * MINUTE;
    vi.advanceTimersByTime(5 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("does nothing once stopped", () => {
    const onIdle = vi.fn();
    const stop = watchIdle(source, 1, onIdle);
    stop();
    stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });
});
