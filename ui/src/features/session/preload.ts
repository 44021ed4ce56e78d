// A screen whose first view comes from the backend is shown once that answer is in, not
// before: mounted empty, it was laid out and painted once as a skeleton, and again a frame
// later with its data (on 100,000 complaints the first frame cost more than the answer
// itself). Going to "Aujourd'hui" or the register asks its data first, then shows the screen
// with it: one frame. A slow answer does not hold the screen back: after `WAIT_MS` it is
// shown without, and asks again itself (showing that it loads, and any failure).
//
// The data is handed over once, to the next mount of that screen, while fresh.

/** Longest wait for a screen's data before the screen is shown without it. */
export const WAIT_MS = 250;
/** Data older than this is not taken (a screen asked for, then not shown after all). */
const FRESH_MS = 2000;

export interface Loaded {
  name: string;
  value: unknown;
  /** The shared register's changes count when the data was asked (`sync.generation`). */
  generation: number;
  at: number;
}

let loaded: Loaded | null = null;
let seq = 0;

/** What came of a `preload`: shown with its data, without it, or another screen asked since. */
export type Preload = "loaded" | "without" | "superseded";

/**
 * Ask the data of the screen `name` (when it has a `load`), waiting at most `WAIT_MS`; the
 * caller shows the screen unless another preload started since ("superseded").
 */
export async function preload(
  name: string,
  load: (() => Promise<unknown>) | undefined,
  generation: number,
  wait: number = WAIT_MS,
): Promise<Preload> {
  const mine = ++seq;
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
  if (!got) return "without";
  loaded = { name, value: got.value, generation, at: performance.now() };
  return "loaded";
}

/** The data asked for the screen `name`, if it is the last asked and still fresh; taken once. */
export function takeLoaded<T>(name: string, generation: number): T | null {
  const l = loaded;
  if (!l || l.name !== name) return null;
  loaded = null;
  if (l.generation !== generation || performance.now() - l.at > FRESH_MS) return null;
  return l.value as T;
}
