// Work put off until the frame in sight is painted.

/**
 * Run `work` once the next frame is painted (a task queued from the next animation frame runs
 * after its paint), one task later still: the paint's own mark (`perf.painted`, queued the same
 * way) is taken before it, so that the work put off is not counted in that frame. Returns a
 * function that cancels it.
 */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      timer = setTimeout(work, 0);
    }, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
