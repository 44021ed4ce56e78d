// Small ISO date helpers for the UI. Deadlines and working days are computed by
// the backend (it owns the calendar rules); this module only validates and compares.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** "YYYY-MM-DD" strings compare lexically; -1, 0 or 1. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Year of an ISO date ("2026-05-07" -> 2026), or null. */
export function isoYear(s: string): number | null {
  const m = ISO_DATE.exec(s);
  return m ? Number(m[1]) : null;
}

// ---- French date entry ------------------------------------------------------
// What an advisor types in a date field ("22/11/2026", "22.11.26", "22112026",
// a pasted "2026-11-22") and how the field shows a date back (dd/mm/yyyy).
// Pure string and integer work: no locale, no time zone.

/** What a date field's text means. */
export type DateText =
  | { kind: "empty" }
  /** A real calendar day. */
  | { kind: "date"; iso: string }
  /** Has the shape of a date, but no such day exists (31/02/2026, month 13, year 0026). */
  | { kind: "impossible" }
  /** Not (yet) a date: partly typed ("22/11/20" while typing), or garbage. */
  | { kind: "incomplete" };

export interface ReadDateOptions {
  /**
   * Accept two-digit years ("22/11/26" -> 2026) and six digits ("221126"). True by
   * default; a field turns it off while the user is still typing, since "22/11/20" is
   * then most likely the beginning of "22/11/2026".
   */
  twoDigitYears?: boolean;
}

const YEAR_FIRST = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4}|\d{2})$/;
const COMPACT_8 = /^(\d{2})(\d{2})(\d{4})$/;
const COMPACT_6 = /^(\d{2})(\d{2})(\d{2})$/;

/** Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999. */
export function expandTwoDigitYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

function checked(year: number, month: number, day: number): DateText {
  if (year < 1000 || year > 9999) return { kind: "impossible" };
  if (month < 1 || month > 12) return { kind: "impossible" };
  if (day < 1 || day > daysInMonth(year, month)) return { kind: "impossible" };
  return { kind: "date", iso: isoOf(year, month, day) };
}

/** Reads what was typed in a date field. Impossible dates are reported, never corrected. */
export function readDateText(text: string, options: ReadDateOptions = {}): DateText {
  const twoDigitYears = options.twoDigitYears ?? true;
  const t = text.replace(/[\u00a0\u202f]/g, " ").trim();
  if (t === "") return { kind: "empty" };

  let m = YEAR_FIRST.exec(t);
  if (m) return checked(Number(m[1]), Number(m[3]), Number(m[4]));

  m = DAY_FIRST.exec(t);
  if (m) {
    if (m[3].length === 2) {
      if (!twoDigitYears) return { kind: "incomplete" };
      return checked(expandTwoDigitYear(Number(m[3])), Number(m[2]), Number(m[1]));
    }
    return checked(Number(m[3]), Number(m[2]), Number(m[1]));
  }

  m = COMPACT_8.exec(t);
  if (m) return checked(Number(m[3]), Number(m[2]), Number(m[1]));

  m = COMPACT_6.exec(t);
  if (m && twoDigitYears) return checked(expandTwoDigitYear(Number(m[3])), Number(m[2]), Number(m[1]));

  return { kind: "incomplete" };
}

/** "22/11/2026" (and the other accepted forms) -> "2026-11-22"; null when empty or not a real date. */
export function parseFrenchDate(text: string, options: ReadDateOptions = {}): string | null {
  const r = readDateText(text, options);
  return r.kind === "date" ? r.iso : null;
}

/** "2026-11-22" -> "22/11/2026"; "" for anything that is not a real ISO date. */
export function toFrenchDate(iso: string): string {
  if (!isIsoDate(iso)) return "";
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The ISO date `n` days after `iso` (before when negative). Throws on an invalid date. */
export function addDays(iso: string, n: number): string {
  if (!isIsoDate(iso) || !Number.isInteger(n)) throw new RangeError(`addDays(${JSON.stringify(iso)}, ${n})`);
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + n));
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The local calendar date of `d` (now by default), as "YYYY-MM-DD". */
export function localIsoDate(d: Date = new Date()): string {
  return isoOf(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The keys a date field reacts to (a subset of KeyboardEvent). */
export interface DateKeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/**
 * The date a key sets in a date field holding `text`, or null when the key is not a
 * date shortcut: T or A (aujourd'hui) -> today; ArrowUp / ArrowDown -> one day later /
 * earlier than the date typed, or today when the field holds no valid date.
 */
export function dateForKey(e: DateKeyLike, text: string, today: string): string | null {
  if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return null;
  const key = e.key.toLowerCase();
  if (key === "t" || key === "a") return today;
  if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !e.shiftKey) {
    const current = parseFrenchDate(text);
    if (current === null) return today;
    return addDays(current, e.key === "ArrowUp" ? 1 : -1);
  }
  return null;
}
