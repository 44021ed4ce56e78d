// A screen whose first view comes from the backend is shown once that answer is in, not
// before: mounted empty, it was laid out and painted once as a skeleton, and again a frame
// later with its data (on 100,000 complaints the first frame cost more than the answer
// itself). Going to "Aujourd'hui" or the register asks its data first, then shows the screen
// with it: one frame. A slow answer does not hold the screen back: after `WAIT_MS` it is
// shown without, and asks again itself (showing that it loads, and any failure).
//
// The data is handed over once, to the next mount of that screen, while fresh: for the same
// register, person and shared register's changes, and no change made here since it was asked.

import { onChange } from "../../lib/backend/changes";

/** Longest wait for a screen's data before the screen is shown without it. */
export const WAIT_MS = 250;
/** Data older than this is not taken (a screen asked for, then not shown after all). */
const FRESH_MS = 2000;

export interface Loaded {
  name: string;
  value: unknown;
  /** What the data belongs to (the register open, who acts, the changes seen: `loadStamp`). */
  stamp: string;
  at: number;
}

let loaded: Loaded | null = null;
let seq = 0;
/** Changes made here to the register so far: data asked before one of them is not shown. */
let changes = 0;
onChange(() => {
  changes++;
  loaded = null;
});

/** What came of a `preload`: shown with its data, without it, or another screen asked since. */
export type Preload = "loaded" | "without" | "superseded";

/**
 * Ask the data of the screen `name` (when it has a `load`), waiting at most `WAIT_MS`; the
 * caller shows the screen unless another preload or a navigation came since ("superseded").
 */
export async function preload(
  name: string,
  load: (() => Promise<unknown>) | undefined,
  stamp: string,
  wait: number = WAIT_MS,
): Promise<Preload> {
  const mine = ++seq;
  const changesBefore = changes;
  loaded = null;
  if (!load) return "without";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), wait);
  });
  const answer = load().then(
    (value) => ({ value }),
    () => null,
  );
  const got = await Promise.race([answer, late]);
  clearTimeout(timer);
  if (mine !== seq) return "superseded";
  if (!got || changes !== changesBefore) return "without";
  loaded = { name, value: got.value, stamp, at: performance.now() };
  return "loaded";
}

/**
 * Bumped by every preload and every screen shown: work that waited (a screen built out of
 * sight, ../../lib/warm) compares it before and after, and gives way to the user's own move.
 */
export function preloadsSoFar(): number {
  return seq;
}

/** `build` with what `load` answers, unless a preload or a screen shown came meanwhile. */
export async function unlessMovedMeanwhile<T>(load: () => Promise<T>, build: (value: T) => void): Promise<void> {
  const before = seq;
  const value = await load();
  if (seq === before) build(value);
}

/**
 * A screen was shown (`session.navigate`): a preload still waiting was for a screen the user
 * left behind, and shows nothing. What a preload already handed over stays for the screen
 * it was asked for, about to mount.
 */
export function navigated(): void {
  seq++;
}

/**
 * The data asked for the screen `name`, if it is the last asked, for the same register, person
 * and changes (`stamp`), and still fresh; taken once.
 */
export function takeLoaded<T>(name: string, stamp: string): T | null {
  const l = loaded;
  if (!l || l.name !== name) return null;
  loaded = null;
  if (l.stamp !== stamp || performance.now() - l.at > FRESH_MS) return null;
  return l.value as T;
}
