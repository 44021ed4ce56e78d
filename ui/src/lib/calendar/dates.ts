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
