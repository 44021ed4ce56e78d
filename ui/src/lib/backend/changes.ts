// Which commands change the register, and who wants to know once one succeeded (the shared
// register's status: a change made here waits to be sent to the firm's server).

/** Commands that take an `actor` but only read (or decide nothing in the register). */
const READS_WITH_ACTOR: ReadonlySet<string> = new Set([
  "pending_approvals",
  "letter_choices",
  "authority_check",
  "list_requests",
]);

/** Commands without an `actor` that change the register all the same. */
const CHANGES_WITHOUT_ACTOR: ReadonlySet<string> = new Set(["restore_backup", "resolve_conflict"]);

/** True when a successful `cmd` (with these arguments) changed the register. */
export function isChangeCommand(cmd: string, args: Record<string, unknown>): boolean {
  if (CHANGES_WITHOUT_ACTOR.has(cmd)) return true;
  return "actor" in args && !READS_WITH_ACTOR.has(cmd);
}

type Listener = (cmd: string) => void;
const listeners = new Set<Listener>();

/** Be told of every successful change; returns the function that stops listening. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Called by the backend wrapper after every successful command. */
export function changed(cmd: string, args: Record<string, unknown>): void {
  if (!isChangeCommand(cmd, args)) return;
  for (const listener of listeners) {
    try {
      listener(cmd);
    } catch {
      // A listener's failure is its own.
    }
  }
}
