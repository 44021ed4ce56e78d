// Pure logic of the "Demandes" screen (requests for information: not complaints, kept out of
// the register but followed): the query sent to the core, what a row says of a request, the
// forms' required fields and where the core's refusals go. No Svelte, no Tauri: tested in Node.
import type { AppError, InfoRequest, RequestQuery } from "../../lib/backend/types";
import { formatDate, formatInteger } from "../../lib/format";
import { splitError } from "../complaint/fields";
import { complaintFormProblems } from "../complaint/validation";
import { emptyComplaintForm, type ComplaintForm } from "../complaint/form";

/** Rows per page of the list. */
export const REQUEST_PAGE_SIZE = 50;

/** What the user chose on the screen (the search as sent, after the debounce). */
export interface RequestFilterState {
  search: string;
  openOnly: boolean;
  /** 0-based. */
  page: number;
}

/** The query of one page of the list (most recent first: the core's order). */
export function buildRequestQuery(f: RequestFilterState, pageSize: number = REQUEST_PAGE_SIZE): RequestQuery {
  const search = f.search.trim();
  return {
    search: search === "" ? null : search,
    openOnly: f.openOnly,
    limit: pageSize,
    offset: Math.max(0, Math.trunc(f.page)) * pageSize,
  };
}

/** The query of the open requests' count (the sidebar): one row is enough, `total` counts. */
export function openCountQuery(): RequestQuery {
  return { openOnly: true, limit: 1, offset: 0 };
}

/** Neither closed nor become a complaint: it may still be closed or requalified. */
export function isRequestOpen(r: Pick<InfoRequest, "closedOn" | "toComplaint">): boolean {
  return r.closedOn === null && r.toComplaint === null;
}

export type RequestStatusKind = "open" | "closed" | "complaint";

export interface RequestStatus {
  kind: RequestStatusKind;
  /** "Ouverte", "Close le 07/05/2026", "Devenue la réclamation". */
  text: string;
  /** The complaint it became (shown as a link after `text`). */
  reference: string | null;
  /** What was answered or done, for a closed request. */
  note: string | null;
}

/** What the status column says of a request. */
export function requestStatus(r: InfoRequest): RequestStatus {
  if (r.toComplaint !== null) {
    return { kind: "complaint", text: "Devenue la réclamation", reference: r.toComplaint, note: null };
  }
  if (r.closedOn !== null) {
    const note = (r.closingNote ?? "").trim();
    return { kind: "closed", text: `Close le ${formatDate(r.closedOn)}`, reference: null, note: note === "" ? null : note };
  }
  return { kind: "open", text: "Ouverte", reference: null, note: null };
}

/** The whole status as one line (a title, a screen reader): "Devenue la réclamation REC-2026-0004". */
export function requestStatusText(r: InfoRequest): string {
  const s = requestStatus(r);
  if (s.reference !== null) return `${s.text} ${s.reference}`;
  if (s.note !== null) return `${s.text} : ${s.note}`;
  return s.text;
}

/** "Issue de la réclamation REC-…" for a request requalified from a complaint; null otherwise. */
export function originText(r: Pick<InfoRequest, "fromComplaint">): string | null {
  return r.fromComplaint === null ? null : `Issue de la réclamation ${r.fromComplaint}`;
}

/** The beginning of a description, on one line, cut at a word: "Demande d'attestation pour…". */
export function excerpt(text: string, max: number = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  const head = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.]+$/, "")}…`;
}

/** "1 demande", "1 234 demandes" (French: 0 and 1 are singular). */
export function formatRequestCount(n: number): string {
  return `${formatInteger(n)} demande${Math.abs(n) >= 2 ? "s" : ""}`;
}

/** What an empty list says, depending on what was asked. */
export function emptyListText(f: Pick<RequestFilterState, "search" | "openOnly">): string {
  const searching = f.search.trim() !== "";
  if (searching) return "Aucune demande ne correspond à cette recherche.";
  if (f.openOnly) return "Aucune demande ouverte.";
  return "Aucune demande d'information.";
}

// ---- Closing a request ------------------------------------------------------

export interface CloseRequestForm {
  /** ISO date, or "" (empty, or text that is not a date). */
  on: string;
  note: string;
}

export function emptyCloseForm(today: string): CloseRequestForm {
  return { on: today, note: "" };
}

/** Wire field -> id of its input in the closing form of request `id`. */
export function closeFormInputs(id: number): Record<string, string> {
  return { on: `request-close-on-${id}`, note: `request-close-note-${id}` };
}

/** The messages of the required fields left empty, by wire field (form order). */
export function closeFormMissing(f: CloseRequestForm): Record<string, string> {
  const missing: Record<string, string> = {};
  if (f.on === "") missing.on = "Indiquez la date de clôture (jj/mm/aaaa).";
  if (f.note.trim() === "") missing.note = "Indiquez la réponse apportée ou la suite donnée.";
  return missing;
}

// ---- Requalifying a request as a complaint ------------------------------------

/** The complaint form, prefilled from the request (the rest as on "Nouvelle réclamation"). */
export function requestToComplaintForm(r: InfoRequest, today: string, currentUser: string | null): ComplaintForm {
  return {
    ...emptyComplaintForm(today, currentUser),
    clientName: r.clientName,
    channel: r.channel,
    receivedOn: r.receivedOn,
    description: r.description,
  };
}

/** The id of the input of the requalification's reason. */
export const REASON_INPUT = "requalify-reason";

/** The messages of the required fields left empty, by wire field (form order). */
export function requalifyMissing(f: ComplaintForm, reason: string, today = ""): Record<string, string> {
  const missing: Record<string, string> = {};
  if (reason.trim() === "") missing.reason = "Indiquez pourquoi la demande est en fait une réclamation.";
  // Every problem of the complaint's fields too, at once (a phone number with letters...).
  return { ...missing, ...complaintFormProblems(f, today) };
}

/** The toast once the complaint is recorded. */
export function requalifiedText(reference: string, requestId: number): string {
  return `Réclamation ${reference} enregistrée à partir de la demande n°\u00A0${requestId}`;
}

// ---- Refusals -----------------------------------------------------------------

export interface RoutedError {
  /** Messages to show next to their field, by canonical wire field. */
  fields: Record<string, string>;
  /** What belongs to no field of the form (the request no longer open, a database failure). */
  general: string | null;
}

/**
 * Where the core's refusal goes: every refused field the form has gets its message beside
 * it (the core may refuse several at once, `fields`); anything else goes to the banner.
 */
export function routeError(err: AppError, knownFields: Iterable<string>): RoutedError {
  return splitError(err, knownFields);
}
