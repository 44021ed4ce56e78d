// Where a screen's time goes, seen from the page: each backend call (from the invoke to its
// answer: the IPC round trip and the shell's work) and each screen's paint (from its data
// to the DOM updated, then to the frame painted). The release build's benchmark reads
// `window.__reclamPerf` beside the shell's own log (`perf_log`: the core's part).
//
// Always on: a few hundred entries are kept, oldest dropped.

import { tick } from "svelte";

/**
 * `start` and `end`: `performance.now()`, whose precision the webview may coarsen to a
 * millisecond; `sent` and `answered`: their order among all calls' sends and answers (exact).
 */
export type CallTiming = { cmd: string; start: number; end: number; sent: number; answered: number };
export type PaintTiming = { label: string; data: number; dom: number; layout: number; painted: number };

const KEPT = 200;
const calls: CallTiming[] = [];
const paints: PaintTiming[] = [];

function keep<T>(list: T[], entry: T) {
  if (list.length === KEPT) list.shift();
  list.push(entry);
}

let moments = 0;

/** The next mark of the calls' order (a call's send, a call's answer). */
export function nextMoment(): number {
  return ++moments;
}

/** A backend call timed by the backend module. */
export function recordCall(timing: CallTiming): void {
  keep(calls, timing);
}

/**
 * A screen got its data (now): note when the DOM shows it (after Svelte's update), when its
 * style and layout are computed (forced here: the frame would compute them anyway) and when
 * that frame is painted (a task queued from the next animation frame runs after its paint).
 */
export function painted(label: string): void {
  const data = performance.now();
  void tick().then(() => {
    const dom = performance.now();
    void document.documentElement.offsetHeight;
    const layout = performance.now();
    requestAnimationFrame(() => {
      setTimeout(() => keep(paints, { label, data, dom, layout, painted: performance.now() }), 0);
    });
  });
}

export type PerfProbe = {
  calls: CallTiming[];
  paints: PaintTiming[];
  now: () => number;
  reset: () => void;
  shell: () => Promise<unknown>;
};

/** Expose the timings to the benchmark (WebDriver reads them with a script). */
export function exposePerf(shell: () => Promise<unknown>): void {
  const probe: PerfProbe = {
    calls,
    paints,
    now: () => performance.now(),
    reset: () => {
      calls.length = 0;
      paints.length = 0;
    },
    shell,
  };
  (window as unknown as { __reclamPerf: PerfProbe }).__reclamPerf = probe;
}
