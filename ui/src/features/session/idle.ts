// The idle lock: after so many minutes without a key pressed, the mouse moved or a touch,
// the app locks itself. Only the timing lives here; the shell decides what locking does.

/** The events that count as someone at the computer. */
export const ACTIVITY_EVENTS: readonly string[] = [
  "keydown",
  "mousedown",
  "mousemove",
  "pointerdown",
  "pointermove",
  "wheel",
  "touchstart",
];

/** The bounds the core accepts for `auth.idleMinutes`, and its default. */
export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;
export const IDLE_MINUTES_DEFAULT = 15;

/** The idle delay in milliseconds; a value out of bounds (not from the core) falls back on the default. */
export function idleDelayMs(minutes: number): number {
  const valid = Number.isInteger(minutes) && minutes >= IDLE_MINUTES_MIN && minutes <= IDLE_MINUTES_MAX;
  return (valid ? minutes : IDLE_MINUTES_DEFAULT) * 60_000;
}

/** Where activity is heard (the window). */
export interface ActivitySource {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void, options?: EventListenerOptions): void;
}

/**
 * Call `onIdle` once, after `minutes` without activity on `source`; returns the function that
 * stops watching. Activity only notes the time (mouse moves are many): the single timer, when
 * it fires, waits again for what is left. The time is read from the clock, not counted by the
 * timer, so a computer waking from sleep locks at once if the delay has passed.
 */
export function watchIdle(source: ActivitySource, minutes: number, onIdle: () => void, now: () => number = Date.now): () => void {
  const delay = idleDelayMs(minutes);
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const activity = () => {
    last = now();
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) source.removeEventListener(type, activity, { capture: true });
  };
  const check = () => {
    if (stopped) return;
    const left = last + delay - now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    stop();
    onIdle();
  };

  for (const type of ACTIVITY_EVENTS) source.addEventListener(type, activity, { capture: true, passive: true });
  timer = setTimeout(check, delay);
  return stop;
}
