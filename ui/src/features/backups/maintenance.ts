// Waiting for the start-up maintenance (quick integrity check, then the daily backup), which
// the backend runs in a thread of its own: the UI asks a few times until it is done.
// No Svelte state here: the caller decides where the answer goes.

import type { BackupStatus } from "../../lib/backend";
import { isAppError } from "../../lib/backend/errors";

/** When to ask, in ms after the watch starts: soon (a small register), then less and less often. */
export const MAINTENANCE_POLL_AT_MS: readonly number[] = [1000, 3000, 8000, 20000, 45000, 90000];

export interface WatchOptions {
  /** The times to ask at, in ms after the start (ascending). */
  at?: readonly number[];
  /** Waits `ms` (injected by the tests). */
  sleep?: (ms: number) => Promise<void>;
  /** True once the answer is no longer wanted (the component is gone). */
  stopped?: () => boolean;
  /** Every status received, done or not (the files listed may change meanwhile). */
  onStatus?: (status: BackupStatus) => void;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Ask `fetchStatus` at the times of `at` until the maintenance is done; resolves to that status,
 * or null if it is still running at the last time, if stopped, or without a backend. A failed
 * call is asked again at the next time (the register may be switching).
 */
export async function watchMaintenance(
  fetchStatus: () => Promise<BackupStatus>,
  { at = MAINTENANCE_POLL_AT_MS, sleep = wait, stopped = () => false, onStatus }: WatchOptions = {},
): Promise<BackupStatus | null> {
  let elapsed = 0;
  for (const time of at) {
    await sleep(Math.max(0, time - elapsed));
    elapsed = Math.max(elapsed, time);
    if (stopped()) return null;
    try {
      const status = await fetchStatus();
      if (stopped()) return null;
      onStatus?.(status);
      if (status.maintenance.done) return status;
    } catch (e) {
      if (isAppError(e) && e.code === "noBackend") return null;
    }
  }
  return null;
}
