// What the complaint and request forms check before asking the core, so that every problem
// shows beside its field before the round trip (the core refuses every field at once too), and
// what they check as the user types (a date in the future, a complaint sent after it was received). The core
// checks all of it again when the form is saved: these are the same rules, said earlier.
// Pure functions: unit-tested, no Svelte, no Tauri.
import { isIsoDate } from "../../lib/calendar/dates";
import { formatDate, parseAmountInput } from "../../lib/format";
import type { ComplaintForm, RequestForm } from "./form";

export const PHONE_INVALID =
  "Numéro de téléphone invalide\u00a0: chiffres, espaces, points, tirets, parenthèses et + seulement";
export const EMAIL_INVALID = "Adresse e-mail invalide\u00a0: nom@domaine.fr";
export const AMOUNT_INVALID = "Montant invalide\u00a0: un nombre d'euros, par exemple 150 ou 150,50";

/** Digits, blanks, dots, dashes, parentheses, "/" and "+": how phone numbers are written. */
const PHONE_CHARS = /^[0-9+ .\-()/\u00a0\u202f]+$/;

/** A phone number written with anything else than its usual characters (letters: "abc"). */
export function phoneProblem(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  // The core's rule: those characters only, and six digits at least.
  if (!PHONE_CHARS.test(t) || (t.match(/\d/g) ?? []).length < 6) return PHONE_INVALID;
  return null;
}

/** An e-mail address as the core takes it: local@domain.tld, without blanks. */
export function emailProblem(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  const at = t.indexOf("@");
  const local = at < 0 ? "" : t.slice(0, at);
  const domain = at < 0 ? "" : t.slice(at + 1);
  const ok =
    local !== "" &&
    !domain.includes("@") &&
    domain.includes(".") &&
    !domain.startsWith(".") &&
    !domain.endsWith(".") &&
    !/\s/.test(t);
  return ok ? null : EMAIL_INVALID;
}

/** A euro amount typed ("150,50"), blank allowed. */
export function amountProblem(text: string): string | null {
  return parseAmountInput(text) === undefined ? AMOUNT_INVALID : null;
}

/** A date of something that already happened, after `today` (the core's clock). */
export function futureDateProblem(iso: string, today: string): string | null {
  if (!isIsoDate(iso) || !isIsoDate(today) || iso <= today) return null;
  return `Date dans le futur (${formatDate(iso)})\u00a0: nous sommes le ${formatDate(today)}`;
}

/** A complaint sent after it was received (both dates real). */
export function sentAfterReceivedProblem(sentOn: string, receivedOn: string): string | null {
  if (!isIsoDate(sentOn) || !isIsoDate(receivedOn) || sentOn <= receivedOn) return null;
  return `La date d'envoi (${formatDate(sentOn)}) est postérieure à la date de réception (${formatDate(receivedOn)})`;
}

/**
 * What is wrong with the dates as typed, by wire field: shown as soon as a date is complete,
 * not at the save. The future first: a date sent in the future is also after the reception.
 */
export function dateProblems(dates: { sentOn?: string; receivedOn: string }, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const received = futureDateProblem(dates.receivedOn, today);
  if (received) out.receivedOn = received;
  const sentOn = dates.sentOn ?? "";
  const sent = futureDateProblem(sentOn, today) ?? sentAfterReceivedProblem(sentOn, dates.receivedOn);
  if (sent) out.sentOn = sent;
  return out;
}

/** Every problem of a complaint form, by wire field ("client.name", "receivedOn"...), in page order. */
export function complaintFormProblems(f: ComplaintForm, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (field: string, problem: string | null) => {
    if (problem) out[field] = problem;
  };
  put("client.name", f.clientName.trim() === "" ? "Indiquez le nom du client." : null);
  put("client.email", emailProblem(f.clientEmail));
  put("client.phone", phoneProblem(f.clientPhone));
  const dates = dateProblems(f, today);
  put("sentOn", dates.sentOn ?? null);
  put("receivedOn", f.receivedOn.trim() === "" ? "Indiquez la date de réception." : (dates.receivedOn ?? null));
  put("description", f.description.trim() === "" ? "Décrivez le mécontentement exprimé." : null);
  put("amountClaimed", amountProblem(f.amountClaimed));
  return out;
}

/** Every problem of a request form (a mere request, outside the register), by wire field. */
export function requestFormProblems(f: RequestForm, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.clientName.trim() === "") out.clientName = "Indiquez le nom du client.";
  if (f.receivedOn.trim() === "") out.receivedOn = "Indiquez la date de réception.";
  else {
    const future = futureDateProblem(f.receivedOn, today);
    if (future) out.receivedOn = future;
  }
  if (f.description.trim() === "") out.description = "Résumez la demande.";
  return out;
}

/**
 * Fields whose message an edit of another field may settle: the dates are checked against
 * each other ("envoyée après sa réception" is said of the sending date, and may be fixed on
 * either).
 */
export const RELATED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  sentOn: ["receivedOn"],
  receivedOn: ["sentOn"],
};

/** The messages left once the user edited `field`: its own goes, and those it may have settled. */
export function withoutField(errors: Record<string, string>, field: string): Record<string, string> {
  const gone = [field, ...(RELATED_FIELDS[field] ?? [])];
  if (!gone.some((f) => f in errors)) return errors;
  const next = { ...errors };
  for (const f of gone) delete next[f];
  return next;
}

/** The messages left once the fields whose date text is not a date (they say so themselves) are dropped. */
export function withoutFields(errors: Record<string, string>, fields: Iterable<string>): Record<string, string> {
  const next = { ...errors };
  for (const f of fields) delete next[f];
  return next;
}
