// Pure logic of the "Statistiques" screen: period presets, the extract query,
// export file names and shares. No Tauri, no DOM: tested in Node.
import type { Channel, ExtractQuery, Status, Subject } from "../../lib/backend/types";
import { addDays, isIsoDate } from "../../lib/calendar/dates";

export type ExportFormat = "pdf" | "csv" | "xlsx";

export interface Period {
  from: string;
  to: string;
}

export type PresetId = "thisYear" | "lastYear" | "last12Months";

export interface PeriodPreset {
  id: PresetId;
  label: string;
  period: Period;
}

/** What the period form holds (selects are "" for "all", texts are raw input). */
export interface StatsFilters {
  status: Status | "";
  subject: Subject | "";
  channel: Channel | "";
  product: string;
  insurer: string;
  handler: string;
}

export function emptyStatsFilters(): StatsFilters {
  return { status: "", subject: "", channel: "", product: "", insurer: "", handler: "" };
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;

/** The same calendar day one year earlier (29 February -> 28 February). */
function sameDayLastYear(today: string): string {
  const y = Number(today.slice(0, 4)) - 1;
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const candidate = iso(y, m, d);
  return isIsoDate(candidate) ? candidate : iso(y, m, d - 1);
}

/** Default period: 1 January of the current year to today. */
export function defaultPeriod(today: string): Period {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** "Cette année", "Année dernière", "12 derniers mois", computed from `today` (ISO). */
export function periodPresets(today: string): PeriodPreset[] {
  if (!isIsoDate(today)) return [];
  const year = Number(today.slice(0, 4));
  return [
    { id: "thisYear", label: "Cette année", period: defaultPeriod(today) },
    { id: "lastYear", label: "Année dernière", period: { from: iso(year - 1, 1, 1), to: iso(year - 1, 12, 31) } },
    { id: "last12Months", label: "12 derniers mois", period: { from: addDays(sameDayLastYear(today), 1), to: today } },
  ];
}

/** The preset matching a period exactly, if any (to highlight its button). */
export function matchingPreset(presets: readonly PeriodPreset[], period: Period): PresetId | null {
  return presets.find((p) => p.period.from === period.from && p.period.to === period.to)?.id ?? null;
}

/** The query sent to extract_stats / export_extract: empty filters are left out. */
export function buildExtractQuery(period: Period, filters: StatsFilters): ExtractQuery {
  const q: ExtractQuery = { from: period.from, to: period.to };
  if (filters.status !== "") q.status = filters.status;
  if (filters.subject !== "") q.subject = filters.subject;
  if (filters.channel !== "") q.channel = filters.channel;
  const product = filters.product.trim();
  const insurer = filters.insurer.trim();
  const handler = filters.handler.trim();
  if (product !== "") q.product = product;
  if (insurer !== "") q.insurer = insurer;
  if (handler !== "") q.handler = handler;
  return q;
}

/** True when at least one optional filter is set. */
export function hasFilters(filters: StatsFilters): boolean {
  return Object.keys(buildExtractQuery({ from: "", to: "" }, filters)).length > 2;
}

/** "registre-2026-01-01-2026-12-31.pdf" */
export function extractFileName(period: Period, format: ExportFormat): string {
  return `registre-${period.from}-${period.to}.${format}`;
}

/** The last component of a path, Windows or POSIX ("C:\\a\\b.pdf" -> "b.pdf"). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** Share of `total` in % (null when there is nothing to divide). */
export function shareOf(count: number, total: number): number | null {
  if (!Number.isFinite(count) || !Number.isFinite(total) || total <= 0) return null;
  return (count / total) * 100;
}
