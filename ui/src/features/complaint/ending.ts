// What the complaint file says beside its usual steps: a complaint withdrawn by the client or
// requalified as a request for information (it stays in the register, its deadlines stop),
// the checks before recording either, and the alerts of the dispute's legs (their wording is
// the core's). Pure functions: unit-tested, no Svelte, no Tauri.
import type { DisputeAlert, DisputeAlertKind, Ending } from "../../lib/backend/types";
import { END_KIND_LABELS } from "../../lib/backend/labels";
import { NBSP, formatDate } from "../../lib/format";

/**
 * The banner of an ended complaint: "Retirée par le client le 07/05/2026 — motif : …", or
 * "Requalifiée en demande d'information le … — motif : … (demande n° 12)".
 */
export function endingText(ended: Ending): string {
  const label = END_KIND_LABELS[ended.kind] ?? ended.kind;
  let text = `${label} le ${formatDate(ended.on)} — motif${NBSP}: ${ended.reason}`;
  if (ended.kind === "requalified" && ended.requestId != null) text += ` (demande n°${NBSP}${ended.requestId})`;
  return text;
}

/** The question before recording a withdrawal or a requalification. */
export const ENDING_CONFIRM: Readonly<Record<"withdraw" | "requalify", string>> = {
  withdraw:
    "La réclamation restera au registre, marquée «\u00A0Retirée par le client\u00A0»\u00A0; ses délais s'arrêtent.",
  requalify:
    "La réclamation restera au registre, marquée «\u00A0Requalifiée en demande d'information\u00A0», et une demande d'information sera créée.",
};

export const REASON_REQUIRED = "Indiquez le motif.";
export const DATE_REQUIRED = "Indiquez la date.";

/**
 * Before asking to confirm a withdrawal or a requalification: the fields still empty (wire
 * names, as the core's refusals), so that the user does not confirm a request bound to fail.
 */
export function endingErrors(on: string, reason: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (on === "") errors.on = DATE_REQUIRED;
  if (reason.trim() === "") errors.reason = REASON_REQUIRED;
  return errors;
}

export type AlertTone = "danger" | "warning";

const ALERT_TONES: Readonly<Record<DisputeAlertKind, AlertTone>> = {
  late: "danger",
  dueSoon: "warning",
  lawyerLetter: "danger",
  referralOutsideWindow: "warning",
};

export function alertTone(kind: DisputeAlertKind): AlertTone {
  return ALERT_TONES[kind] ?? "warning";
}

/** The alerts shown at the top of the file too: a late sequel, a lawyer's letter. */
export function urgentAlerts(alerts: readonly DisputeAlert[]): DisputeAlert[] {
  return alerts.filter((a) => a.kind === "late" || a.kind === "lawyerLetter");
}

/** The core's message as a sentence: its first letter capitalised ("courrier d'avocat…" -> "Courrier d'avocat…"). */
export function alertSentence(message: string): string {
  const i = message.search(/\p{L}/u);
  if (i < 0) return message;
  // Only when the message starts with the word (not after a quotation mark).
  if (message.slice(0, i).trim() !== "") return message;
  return message.slice(0, i) + message.charAt(i).toUpperCase() + message.slice(i + 1);
}
