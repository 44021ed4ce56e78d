// Reads a screen asks for as it is shown, which the preload before it (see
// ../../features/session/preload) may have asked already: when that answer came after the
// preload stopped waiting, the screen asked again, and the same query (the statistics of a
// year, 150 ms) ran twice, the second one behind the first. An identical read still under way
// is now shared instead of sent again, unless a command that may change what it reads was sent
// since (a change, a synchronisation, another register opened...). An answer that came just
// before the screen asked (the preload had stopped waiting a moment before) is handed over
// once too, within `HANDOVER_MS`.

/** The reads shared: what the screens shown with their data ask first. */
export const SHARED_READS: ReadonlySet<string> = new Set([
  "today_summary",
  "pending_approvals",
  "refunds_due",
  "list_complaints",
  "get_complaint",
  "letter_choices",
  "extract_stats",
]);

/**
 * Reads sent beside them as a screen is shown, which change nothing the shared reads return.
 * Any other command, a change or one not listed here, ends the sharing of what was under way
 * before it.
 */
const NEUTRAL: ReadonlySet<string> = new Set([
  "app_info",
  "session_state",
  "server_config",
  "get_settings",
  "list_users",
  "list_requests",
  "backup_status",
  "check_update",
]);

/** How long an answer that came is kept for one more asker of the same read. */
export const HANDOVER_MS = 1000;

type Send = (cmd: string, args: Record<string, unknown>) => Promise<unknown>;

interface UnderWay {
  changesBefore: number;
  answer: Promise<unknown>;
  /** When it answered (`performance.now()`), or null while under way. */
  settledAt: number | null;
}

/**
 * `send`, with the reads of `SHARED_READS` shared while under way: a read sent after a command
 * that may change what it reads is never given an answer asked before that command.
 */
export function sharingReads(
  send: Send,
  now: () => number = () => performance.now(),
): <T>(cmd: string, args?: Record<string, unknown>) => Promise<T> {
  const reads = new Map<string, UnderWay>();
  /** Commands sent or answered that may change what the reads return. */
  let changes = 0;
  const changing = () => {
    changes += 1;
    reads.clear();
  };
  return <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> => {
    if (!SHARED_READS.has(cmd)) {
      const answer = send(cmd, args);
      if (!NEUTRAL.has(cmd)) {
        // Both when it is sent and when it is done: one that runs on its own thread (a
        // synchronisation, another register opened) may end after reads sent meanwhile.
        changing();
        answer.then(changing, changing);
      }
      return answer as Promise<T>;
    }
    const at = now();
    for (const [key, read] of reads) {
      if (read.settledAt !== null && at - read.settledAt > HANDOVER_MS) reads.delete(key);
    }
    const key = `${cmd} ${JSON.stringify(args)}`;
    const same = reads.get(key);
    if (same && same.changesBefore === changes) {
      // Under way, shared; answered a moment ago, handed over once.
      if (same.settledAt !== null) reads.delete(key);
      return same.answer as Promise<T>;
    }
    const answer = send(cmd, args);
    const entry: UnderWay = { changesBefore: changes, answer, settledAt: null };
    reads.set(key, entry);
    answer.then(
      () => {
        entry.settledAt = now();
      },
      () => {
        // A failure is shared while under way, never handed over after.
        if (reads.get(key) === entry) reads.delete(key);
      },
    );
    return answer as Promise<T>;
  };
}
