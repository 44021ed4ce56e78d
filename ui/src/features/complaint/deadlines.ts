// What the complaint file says of its deadlines beside the dates the core computed: the
// date they run from (the complaint's sending or its receipt) and an acknowledgement that
// was missed. Whether the acknowledgement was missed is the core's answer (`ackMissed`);
// these functions only word it. Pure functions: unit-tested, no Svelte, no Tauri.
import type { ComplaintView, Deadlines } from "../../lib/backend/types";
import { BASIS_LABELS } from "../../lib/backend/labels";
import { formatDate } from "../../lib/format";

/** "Délais comptés à partir de la date d'envoi (04/05/2026)". */
export function deadlineBasisText(deadlines: Pick<Deadlines, "basis" | "start">): string {
  const basis = BASIS_LABELS[deadlines.basis] ?? deadlines.basis;
  return `Délais comptés ${basis} (${formatDate(deadlines.start)})`;
}

/** How the acknowledgement step reads: sent, missed for good, or still to send. */
export type AckState = "done" | "missed" | "pending";

export function ackState(view: Pick<ComplaintView, "acknowledgedOn" | "ackMissed">): AckState {
  if (view.acknowledgedOn) return "done";
  return view.ackMissed ? "missed" : "pending";
}

/** "Accusé de réception manqué (dû le 18/05/2026)" when the core says so; null otherwise. */
export function ackMissedText(view: Pick<ComplaintView, "acknowledgedOn" | "ackMissed" | "deadlines">): string | null {
  return ackState(view) === "missed" ? `Accusé de réception manqué (dû le ${formatDate(view.deadlines.ackDue)})` : null;
}
