// Pure French formatting helpers. No Intl / locale data: output must be
// identical on every WebView and in Node tests. The labels of the core's vocabularies are
// generated (./backend/labels.ts); only the UI's own words are written here.
import type { ActionStatus, Channel, NextDeadline, Status, Step, Subject } from "./backend/types";
import { isAppError } from "./backend/errors";
import {
  CHANNEL_LABELS,
  CORRECTIVE_ACTION_STATUS_LABELS,
  EVENT_KIND_LABELS,
  STATUS_LABELS,
  STEP_LABELS,
  SUBJECT_LABELS,
} from "./backend/labels";

/** U+202F NARROW NO-BREAK SPACE: French thousands separator. */
export const NNBSP = "\u202F";
/** U+00A0 NO-BREAK SPACE: before the currency sign. */
export const NBSP = "\u00A0";

/** The lifecycle steps, the deadlines' basis and the journal's event kinds: the core's words. */
export { ACTION_LABELS, BASIS_LABELS, EVENT_KIND_LABELS } from "./backend/labels";

export function eventKindLabel(kind: string): string {
  return EVENT_KIND_LABELS[kind] ?? kind;
}

export function statusLabel(s: Status): string {
  return STATUS_LABELS[s] ?? s;
}
export function subjectLabel(s: Subject): string {
  return SUBJECT_LABELS[s] ?? s;
}
export function channelLabel(c: Channel): string {
  return CHANNEL_LABELS[c] ?? c;
}
export function stepLabel(s: Step): string {
  return STEP_LABELS[s] ?? s;
}
export function correctiveActionStatusLabel(s: ActionStatus): string {
  return CORRECTIVE_ACTION_STATUS_LABELS[s] ?? s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-05-07" -> "07/05/2026". Pure string work: no Date, no timezone. Unparseable input is returned as is. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Days until a deadline: "dans 3 j", "aujourd'hui", "en retard de 2 j". ("j" is an invariable abbreviation.) */
export function formatDaysLeft(n: number): string {
  if (!Number.isFinite(n)) return "";
  const d = Math.trunc(n);
  if (d === 0) return "aujourd'hui";
  if (d > 0) return `dans ${d} j`;
  return `en retard de ${-d} j`;
}

/** Group an unsigned digit string by thousands with U+202F. */
export function groupThousands(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NNBSP;
    out += digits[i];
  }
  return out;
}

/** Add one to an unsigned digit string ("999" -> "1000"). */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === "9") {
      chars[i] = "0";
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/**
 * Decimal string -> French euro amount: "1234.5" -> "1 234,50 €"
 * (U+202F between thousands, U+00A0 before €). Rounded half away from zero to
 * cents using string arithmetic only (no float). Unparseable input is returned as is.
 */
export function formatMoney(amount: string): string {
  const m = DECIMAL.exec(amount);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return amount;
  const negative = m[1] === "-";
  let intPart = m[2].replace(/^0+(?=\d)/, "") || "0";
  const frac = (m[3] ?? "").padEnd(3, "0");
  let cents = frac.slice(0, 2);
  if (frac[2] >= "5") {
    const bumped = incrementDigits(intPart + cents);
    intPart = bumped.slice(0, -2) || "0";
    cents = bumped.slice(-2);
  }
  const isZero = /^0*$/.test(intPart + cents);
  const sign = negative && !isZero ? "-" : "";
  return `${sign}${groupThousands(intPart)},${cents}${NBSP}€`;
}

/** Integer with French thousands grouping: 1234 -> "1 234". */
export function formatInteger(n: number): string {
  const d = Math.trunc(n);
  const sign = d < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(d)));
}

/** "1 réclamation", "1 234 réclamations" (French: 0 and 1 are singular). */
export function formatComplaintCount(n: number): string {
  return `${formatInteger(n)} réclamation${Math.abs(n) >= 2 ? "s" : ""}`;
}

/** Number of pages (at least 1) for `total` rows. */
export function pageCount(total: number, pageSize: number): number {
  if (pageSize <= 0 || total <= 0) return 1;
  return Math.ceil(total / pageSize);
}

export type DeadlineTone = "overdue" | "soon" | "normal";

/** Visual tone of a deadline: overdue wins over due-soon. */
export function deadlineTone(next: NextDeadline): DeadlineTone {
  if (next.overdue) return "overdue";
  if (next.dueSoon) return "soon";
  return "normal";
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * RFC 3339 timestamp -> "07/05/2026 à 14:32" in the machine's local time zone
 * (the broker's office). Unparseable input is returned as is.
 */
export function formatDateTime(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()} à ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/**
 * Every share the app shows, in one format: one decimal after a comma and U+202F before the
 * sign, so that figures side by side line up ("15,0 %" next to "13,6 %", never "15 %").
 * 87.5 -> "87,5 %", 100 -> "100,0 %", null -> "—" (no data yet).
 */
export function formatPercent(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return "—";
  // Rounded on the integer number of tenths: toFixed alone rounds 0.05 down (binary floats).
  const tenths = Math.round(Math.abs(pct) * 10);
  const sign = pct < 0 && tenths !== 0 ? "-" : "";
  const text = `${groupThousands(String(Math.trunc(tenths / 10)))},${tenths % 10}`;
  return `${sign}${text}${NNBSP}%`;
}

/** Byte count -> "820 o", "12,3 Ko", "4,5 Mo" (French units, base 1024). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return `${Math.trunc(bytes)}${NBSP}o`;
  const units = ["Ko", "Mo", "Go"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value >= 100 ? String(Math.round(value)) : value.toFixed(1).replace(".", ",");
  return `${text}${NBSP}${units[unit]}`;
}

/** First characters of a hash, enough to compare by eye. */
export function shortHash(hash: string, length = 12): string {
  return hash.slice(0, length);
}

const AMOUNT_INPUT = /^(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * A euro amount typed by a user ("150,50", "1 234,5", "150.50 €", "150") ->
 * wire decimal string ("150.50"). Empty input -> null. Invalid input -> undefined.
 * Pure string work: no float.
 */
export function parseAmountInput(text: string): string | null | undefined {
  const compact = text.replace(/[\s\u00A0\u202F€]/g, "");
  if (compact === "") return null;
  const m = AMOUNT_INPUT.exec(compact);
  if (!m) return undefined;
  const intPart = m[1].replace(/^0+(?=\d)/, "");
  const cents = (m[2] ?? "").padEnd(2, "0");
  return `${intPart}.${cents}`;
}

/** A date or a timestamp, whichever the backend sent: "07/05/2026" or "07/05/2026 à 14:32". */
export function formatDateOrTime(s: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s) : formatDateTime(s);
}

/** How a failure nobody foresaw begins, whatever its cause. */
export const UNEXPECTED_ERROR = "Une erreur inattendue est survenue";

/**
 * What a failure says to the user, in French. The core's refusals (an AppError with a code
 * of its own) are French already and shown as they are; anything else (a code "unknown",
 * a raw exception, a dialog's English text) is wrapped once in "Une erreur inattendue est
 * survenue : …", its detail kept for whoever reads it to support.
 */
export function errorText(e: unknown): string {
  if (isAppError(e) && e.code !== "unknown" && e.message.trim() !== "") return e.message.trim();
  let detail: string;
  if (isAppError(e) || e instanceof Error) detail = e.message;
  else if (typeof e === "string") detail = e;
  else if (e === null || e === undefined) detail = "";
  else if (typeof e === "object") {
    try {
      detail = JSON.stringify(e);
    } catch {
      detail = String(e);
    }
  } else detail = String(e);
  detail = detail.trim();
  if (detail.startsWith(UNEXPECTED_ERROR)) return detail;
  return detail === "" || detail === "{}" ? `${UNEXPECTED_ERROR}.` : `${UNEXPECTED_ERROR}${NBSP}: ${detail}`;
}

/**
 * `errorText` as a sentence of its own, for a banner: capitalised ("base verrouillée" ->
 * "Base verrouillée"), no "Erreur :" needed in front.
 */
export function errorSentence(e: unknown): string {
  const text = errorText(e);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
