// The same client's other complaints: the open ones the intake shows while a new complaint is
// typed (the same client writing again is one complaint, not two: the contact may be added to
// the running one as an exchange), and the history a complaint file shows. Pure logic, tested
// without a backend.
import type { AppError, ClientComplaintSummary, NewExchange } from "../../lib/backend/types";
import { END_KIND_LABELS, FEEDBACK_LABELS, OUTCOME_LABELS, STATUS_LABELS, SUBJECT_LABELS } from "../../lib/backend/labels";
import { errorText, formatDate } from "../../lib/format";
import { normalizeField } from "../complaint/fields";
import type { ComplaintForm } from "../complaint/form";
import { sentence } from "../session/access";

/** How long the intake waits after the last key before asking the core (ms). */
export const CLIENT_QUERY_DELAY_MS = 300;

/** What `open_for_client` is asked: the client's name, and the contract number when typed. */
export interface ClientQuery {
  name: string;
  contract: string | null;
}

/**
 * The question to ask the core for what is typed, or null when there is nothing to ask
 * (neither a name nor a contract number).
 */
export function clientQuery(name: string, contractNumber: string): ClientQuery | null {
  const n = name.trim();
  const c = contractNumber.trim();
  if (n === "" && c === "") return null;
  return { name: n, contract: c === "" ? null : c };
}

/** Two questions that would get the same answer (the core compares names case aside). */
export function sameClientQuery(a: ClientQuery | null, b: ClientQuery | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name.toLowerCase() === b.name.toLowerCase() && a.contract === b.contract;
}

/** The status to show: the ending (withdrawn, requalified) when there is one, else the step. */
export function summaryStatusLabel(s: Pick<ClientComplaintSummary, "status" | "ended">): string {
  if (s.ended) return END_KIND_LABELS[s.ended] ?? s.ended;
  return STATUS_LABELS[s.status] ?? s.status;
}

/** The answer's outcome and the client's feedback, when known: "Rejetée · Non résolue" ("" if none). */
export function summaryResult(s: Pick<ClientComplaintSummary, "outcome" | "feedback">): string {
  const parts: string[] = [];
  if (s.outcome) parts.push(OUTCOME_LABELS[s.outcome] ?? s.outcome);
  if (s.feedback) parts.push(FEEDBACK_LABELS[s.feedback] ?? s.feedback);
  return parts.join(" · ");
}

/** One open complaint as the intake lists it: "reçue le 07/05/2026 · Résiliation · Reçue". */
export function summaryLine(s: Pick<ClientComplaintSummary, "receivedOn" | "subject" | "status" | "ended">): string {
  return [`reçue le ${formatDate(s.receivedOn)}`, SUBJECT_LABELS[s.subject] ?? s.subject, summaryStatusLabel(s)].join(" · ");
}

/** The button that adds the contact to a running complaint instead of recording a new one. */
export function addToLabel(reference: string): string {
  return `Ajouter à ${reference} (même réclamation)`;
}

/** The toast once the contact is added to the running complaint. */
export function addedToast(reference: string): string {
  return `Ajouté à ${reference} comme nouvel échange (pas de doublon au registre)`;
}

/** The contact being typed, as an incoming exchange of the complaint it belongs to. */
export function exchangeFromForm(form: Pick<ComplaintForm, "receivedOn" | "channel" | "description">): NewExchange {
  return {
    on: form.receivedOn.trim(),
    direction: "incoming",
    channel: form.channel,
    summary: form.description.trim(),
  };
}

/** The exchange's fields as the intake form names them (where the value came from). */
const EXCHANGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  on: "Reçue le",
  channel: "Canal de réception",
  summary: "Description du mécontentement",
};

/**
 * Why the contact could not be added, as the intake's notice says it: the core's message,
 * prefixed by the form's field it is about ("Description du mécontentement : obligatoire").
 */
export function exchangeErrorText(err: Pick<AppError, "message" | "field"> & { code?: string }): string {
  const label = err.field ? EXCHANGE_FIELD_LABELS[normalizeField(err.field)] : undefined;
  if (label) return `${label}\u00A0: ${err.message.trim()}`;
  // A failure nobody foresaw reads as such; the core's refusals as they are.
  return sentence(err.code === undefined ? err.message : errorText(err));
}
