// The number of requests still open, shown in the sidebar. At sign-in it is read with the app's
// first screen (../../App.svelte), so that the sidebar shows it in the frame that shows the
// app instead of one frame later; the sidebar counts again itself afterwards (after a change,
// in another register).

import { listRequests } from "../../lib/backend";
import { openCountQuery } from "../requests/requests";

let kept: { stamp: string; total: number } | null = null;
/** Bumped by every count asked and every count taken: an answer come after either is dropped. */
let seq = 0;

/** The open requests counted for `actor`. */
export function countOpenRequests(actor: string): Promise<number> {
  return listRequests(openCountQuery(), actor).then((page) => page.total);
}

/**
 * Count the open requests for `actor` and keep the count for the sidebar's first showing;
 * `stamp` says what it belongs to (the register, the person, the shared register's changes).
 * A failure keeps nothing: the sidebar counts itself.
 */
export function countForSidebar(actor: string, stamp: string): Promise<void> {
  const mine = ++seq;
  kept = null;
  return countOpenRequests(actor).then(
    (total) => {
      if (mine === seq) kept = { stamp, total };
    },
    () => {},
  );
}

/** The count kept for `stamp`, taken once (null: none, or for something else). */
export function takeKeptCount(stamp: string): number | null {
  seq++;
  const k = kept;
  kept = null;
  return k && k.stamp === stamp ? k.total : null;
}
