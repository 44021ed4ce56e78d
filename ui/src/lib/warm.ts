// A screen's first showing, made once out of sight before the user asks for it. The first
// time a screen is built, everything about it is cold: its script runs for the first time,
// WebKit matches its style rules, lays out its kind of boxes and draws them for the first
// time. On 100,000 complaints the register's first showing took twice as long as the next
// ones (DOM and layout 27 ms against 13, paint 14 against 7). Built once beforehand, out of
// sight, the user's first showing is a warm one.

import { flushSync, mount, unmount, type Component } from "svelte";
import { afterPaint } from "./frames";

/**
 * How long after the frame in sight a screen is built out of sight: not in the moments that
 * follow a screen's showing, when a click or a key may come at once (the building holds the
 * page for a few tens of milliseconds), but before anyone has read the screen and chosen.
 */
export const WARM_AFTER_MS = 300;

/** Run `work` `WARM_AFTER_MS` after the next frame is painted; returns a function that cancels it. */
export function warmSoon(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancelPaint = afterPaint(() => {
    timer = setTimeout(work, WARM_AFTER_MS);
  });
  return () => {
    cancelPaint();
    clearTimeout(timer);
  };
}

/**
 * Build `component` with `props` in a box out of sight (hidden, off the window, inert, with
 * the width of `like`), lay it out, and take it away: in one task, so that nothing else (a
 * click, a script, a frame) ever sees it. Its effects run once, then are torn down with it.
 */
export function warmUp<Props extends Record<string, unknown>>(
  component: Component<Props>,
  props: Props,
  like: HTMLElement | null = document.getElementById("content"),
  doc: Document = document,
): void {
  const box = doc.createElement("div");
  box.setAttribute("aria-hidden", "true");
  box.inert = true;
  const width = like?.clientWidth || doc.documentElement.clientWidth;
  const height = like?.clientHeight || doc.documentElement.clientHeight;
  box.style.cssText = `position:fixed;left:-${width + 1000}px;top:0;width:${width}px;height:${height}px;overflow:hidden;visibility:hidden;pointer-events:none`;
  doc.body.appendChild(box);
  try {
    const built = mount(component, { target: box, props });
    try {
      flushSync();
      void box.offsetHeight;
    } finally {
      void unmount(built);
    }
  } finally {
    box.remove();
  }
}
