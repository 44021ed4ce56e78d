// What a date field says about text that is not a date: which part is wrong ("Le 31 février
// 2026 n'existe pas : février 2026 compte 28 jours") rather than the format alone. Pure string
// work over lib/calendar's reading of the text (no Date, no locale).
import { expandTwoDigitYear, readDateText } from "../lib/calendar/dates";

/** Text that has no date's shape (or not yet): the expected format. */
export const DATE_TEXT_INVALID = "Date invalide\u00a0: jj/mm/aaaa";

const MONTH_NAMES = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

// The shapes lib/calendar reads (kept in step with `readDateText`), to name the wrong part.
const YEAR_FIRST = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{4}|\d{2})$/;
const COMPACT_8 = /^(\d{2})(\d{2})(\d{4})$/;
const COMPACT_6 = /^(\d{2})(\d{2})(\d{2})$/;

interface Parts {
  day: number;
  month: number;
  year: number;
  /** The year as typed ("0026"), for the message. */
  yearText: string;
}

function partsOf(text: string): Parts | null {
  let m = YEAR_FIRST.exec(text);
  if (m) return { year: Number(m[1]), yearText: m[1], month: Number(m[3]), day: Number(m[4]) };
  m = DAY_FIRST.exec(text) ?? COMPACT_8.exec(text);
  if (m) {
    const year = m[3].length === 2 ? expandTwoDigitYear(Number(m[3])) : Number(m[3]);
    return { day: Number(m[1]), month: Number(m[2]), year, yearText: m[3].length === 2 ? String(year) : m[3] };
  }
  m = COMPACT_6.exec(text);
  if (m) {
    const year = expandTwoDigitYear(Number(m[3]));
    return { day: Number(m[1]), month: Number(m[2]), year, yearText: String(year) };
  }
  return null;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a real calendar day cannot be read from `parts`. */
function impossibleMessage(p: Parts): string {
  if (p.year < 1000 || p.year > 9999) return `Année ${p.yearText} invalide\u00a0: écrivez-la sur 4 chiffres (jj/mm/aaaa)`;
  if (p.month < 1 || p.month > 12) return `Le mois ${p.month} n'existe pas\u00a0: de 01 à 12 (jj/mm/aaaa)`;
  if (p.day < 1) return "Le jour 0 n'existe pas (jj/mm/aaaa)";
  const month = MONTH_NAMES[p.month - 1];
  const max = daysInMonth(p.year, p.month);
  if (p.month === 2 && p.day === 29) {
    return `Le 29 février ${p.year} n'existe pas\u00a0: ${p.year} n'est pas une année bissextile`;
  }
  return `Le ${p.day} ${month} ${p.year} n'existe pas\u00a0: ${month} ${p.year} compte ${max} jours`;
}

/**
 * The message under a date field for the text typed, or null when it is a date or empty.
 * `twoDigitYears` as for `readDateText` (off while the user is still typing).
 */
export function dateTextProblem(text: string, twoDigitYears = true): string | null {
  const r = readDateText(text, { twoDigitYears });
  if (r.kind === "date" || r.kind === "empty") return null;
  if (r.kind === "incomplete") return DATE_TEXT_INVALID;
  const parts = partsOf(text.replace(/[\u00a0\u202f]/g, " ").trim());
  return parts ? impossibleMessage(parts) : DATE_TEXT_INVALID;
}
