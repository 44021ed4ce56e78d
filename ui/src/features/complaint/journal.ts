// Reading journal events for the "Historique" timeline. The event payload is
// open JSON: read defensively, never assume a shape the backend did not promise.
import { NBSP, eventKindLabel, formatDate, formatFileSize, formatMoney, shortHash } from "../../lib/format";
import {
  CHANNEL_LABELS,
  DIRECTION_LABELS,
  DISPUTE_KIND_LABELS,
  DYSFUNCTION_CATEGORY_LABELS,
  ESCALATION_STATUS_LABELS,
  ESCALATION_SUBJECT_LABELS,
  FEEDBACK_LABELS,
  OUTCOME_LABELS,
  PAYMENT_METHOD_LABELS,
  PROPOSAL_KIND_LABELS,
  PROPOSAL_RESPONSE_LABELS,
  SENT_VIA_LABELS,
  STEP_LABELS,
} from "../../lib/backend/labels";
import { displayFieldValue, fieldLabel } from "./fields";
import { letterKindLabel } from "../letters/letters";

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** data of an "edited" event is {changes: {field: {before, after}}}. */
export function editedChanges(data: unknown): FieldChange[] {
  if (!isRecord(data) || !isRecord(data.changes)) return [];
  return Object.entries(data.changes).map(([field, change]) => {
    const c = isRecord(change) ? change : {};
    return {
      field,
      label: fieldLabel(field),
      before: displayFieldValue(field, c.before),
      after: displayFieldValue(field, c.after),
    };
  });
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

function label(map: Readonly<Record<string, string>>, v: unknown): string | null {
  const s = str(v);
  return s === null ? null : (map[s] ?? s);
}

/**
 * The heading of an event in the timeline: the kind's label, completed for the events
 * whose payload says what happened ("Lettre émise : Accusé de réception (signée par X)",
 * "Geste commercial validé : 150,00 € par X").
 */
export function eventTitle(kind: string, data: unknown): string {
  const base = eventKindLabel(kind);
  if (!isRecord(data)) return base;
  if (kind === "letterIssued") {
    const letter = str(data.letter);
    const signatory = str(data.signatory);
    let title = letter ? `${base}${NBSP}: ${letterKindLabel(letter)}` : base;
    if (signatory) title += ` (signée par ${signatory})`;
    return title;
  }
  if (kind === "gestureApproved") {
    const amount = str(data.amount);
    const by = str(data.approvedBy);
    let title = amount ? `${base}${NBSP}: ${formatMoney(amount)}` : base;
    if (by) title += ` par ${by}`;
    return title;
  }
  const amount = str(data.amount);
  const money = amount ? formatMoney(amount) : null;
  if (kind === "escalated") {
    const subject = label(ESCALATION_SUBJECT_LABELS, data.subject);
    const what = [subject, money].filter((p) => p !== null).join(" de ");
    return what ? `${base}${NBSP}: ${what}` : base;
  }
  if (kind === "escalationDecided") {
    const status = label(ESCALATION_STATUS_LABELS, data.status);
    const what = [status, data.status === "accepted" ? money : null].filter((p) => p !== null).join(", ");
    return what ? `${base}${NBSP}: ${what}` : base;
  }
  if (kind === "proposalMade") {
    const proposal = label(PROPOSAL_KIND_LABELS, data.kind);
    if (!proposal) return base;
    return `${base}${NBSP}: ${proposal}${money ? ` (${money})` : ""}`;
  }
  if (kind === "proposalAnswered") {
    const response = label(PROPOSAL_RESPONSE_LABELS, data.response);
    return response ? `${base}${NBSP}: ${response}` : base;
  }
  if (kind === "refundPaid") {
    const method = label(PAYMENT_METHOD_LABELS, data.method);
    const reference = str(data.reference);
    const what = [method, reference ? `réf.${NBSP}${reference}` : null].filter((p) => p !== null).join(", ");
    return what ? `${base}${NBSP}: ${what}` : base;
  }
  return base;
}

/**
 * One-line French details of a non-"edited" event, from the keys it usually
 * carries; null when there is nothing readable.
 */
export function eventDetails(kind: string, data: unknown): string | null {
  if (!isRecord(data)) return null;
  if (kind === "letterIssued") return letterDetails(data);
  if (kind === "gestureApproved") return null; // Everything is in the title.
  if (kind === "escalated" || kind === "escalationDecided") {
    const reason = str(data.reason);
    return reason ? `«\u00A0${reason}\u00A0»` : null;
  }
  if (kind === "proposalAnswered") {
    const on = str(data.on);
    return on ? `le ${formatDate(on)}` : null;
  }
  if (kind === "refundPaid") {
    const paidOn = str(data.paidOn);
    return paidOn ? `payé le ${formatDate(paidOn)}` : null;
  }
  // Redacted by an anonymisation: nothing personal is left to show.
  if (data.redacted === true) return "contenu anonymisé";
  if (kind === "imported") {
    const file = str(data.file);
    const ref = str(data.originalReference);
    const parts = [file ? `fichier ${file}` : null, typeof data.line === "number" ? `ligne ${data.line}` : null];
    if (ref) parts.push(`référence d'origine ${ref}`);
    return parts.filter((p) => p !== null).join(" · ") || null;
  }
  if (kind === "anonymised") {
    const n = Array.isArray(data.redactedEvents) ? data.redactedEvents.length : 0;
    return `${n} événement(s) antérieur(s) expurgé(s)`;
  }
  const parts: string[] = [];
  const on = str(data.on) ?? str(data.foundOn);
  if (on) parts.push(`le ${formatDate(on)}`);
  // How a step reached the client: stated with it ("sent" inside the payload) or afterwards.
  if (kind === "sent") {
    const step = label(STEP_LABELS, data.step);
    if (step) parts.push(step);
  }

  // The backend writes the dispute step's kind under "step" (older payloads: "kind").
  const kindLabel = kind === "disputeStep" ? label(DISPUTE_KIND_LABELS, data.step ?? data.kind) : null;
  if (kindLabel) parts.push(kindLabel);
  if (kind === "disputeStep") {
    const expectedOn = str(data.expectedOn);
    if (expectedOn) parts.push(`suite attendue le ${formatDate(expectedOn)}`);
    if (data.fromLawyer === true) parts.push("courrier d'avocat");
  }
  if ((kind === "withdrawn" || kind === "requalified") && typeof data.requestId === "number") {
    parts.push(`demande n°${NBSP}${data.requestId}`);
  }
  const outcome = label(OUTCOME_LABELS, data.outcome);
  if (outcome) parts.push(outcome);
  const feedback = label(FEEDBACK_LABELS, data.feedback);
  if (feedback) parts.push(feedback);
  const category = label(DYSFUNCTION_CATEGORY_LABELS, data.category);
  if (category) parts.push(category);
  const direction = label(DIRECTION_LABELS, data.direction);
  if (direction) parts.push(direction);
  const channel = label(CHANNEL_LABELS, data.channel);
  if (channel && kind === "exchange") parts.push(channel);
  const gesture = str(data.gesture);
  if (gesture) parts.push(`geste ${formatMoney(gesture)}`);
  const refund = isRecord(data.refund) ? str(data.refund.amount) : null;
  if (refund) parts.push(`remboursement ${formatMoney(refund)}`);
  if (typeof data.satisfaction === "number") parts.push(`satisfaction ${data.satisfaction}/5`);
  const via = label(SENT_VIA_LABELS, kind === "sent" ? data.via : isRecord(data.sent) ? data.sent.via : null);
  if (via) parts.push(`envoi${NBSP}: ${via}`);
  const name = str(data.name);
  if (name) parts.push(name);
  if (kind === "attachment" && typeof data.size === "number") parts.push(formatFileSize(data.size));
  const text = str(data.note) ?? str(data.summary) ?? str(data.description) ?? str(data.reason);
  if (text) parts.push(`«\u00A0${text}\u00A0»`);
  return parts.length > 0 ? parts.join(" · ") : null;
}

/** Details of a "letterIssued" event: the date a holding letter announces, the PDF's size and hash. */
function letterDetails(data: Record<string, unknown>): string | null {
  const parts: string[] = [];
  const expectedOn = str(data.expectedOn);
  if (expectedOn) parts.push(`réponse annoncée pour le ${formatDate(expectedOn)}`);
  if (typeof data.size === "number") parts.push(`PDF ${formatFileSize(data.size)}`);
  const sha = str(data.sha256);
  if (sha) parts.push(`empreinte ${shortHash(sha)}`);
  return parts.length > 0 ? parts.join(" · ") : null;
}
