// Pure logic of the statistics charts: what a chart shows (the largest rows, the rest
// grouped), its size, its colours, and the French text of its tooltips and of its
// accessible summary. No Chart.js, no DOM: tested in Node.
import type { Count, Stats } from "../../lib/backend/types";
import { formatComplaintCount, formatInteger, formatPercent } from "../../lib/format";
import { OUTCOME_LABELS } from "../../lib/backend/labels";
import { shareOf } from "./extract";

/** One bar or one slice. */
export interface ChartItem {
  label: string;
  count: number;
}

/** Bars drawn at most; beyond, the smallest rows are grouped in one "Autres" bar (the table lists them all). */
export const MAX_BARS = 10;

/** The app's navy (--navy-500): every bar. */
export const BAR_COLOR = "#34588f";

/** Slices of the outcomes doughnut: Fondée, Partiellement fondée, Rejetée. */
export const OUTCOME_COLORS: readonly string[] = ["#1f3a68", "#7b9acb", "#c98a1a"];

/**
 * The rows a bar chart draws: the largest first (the backend's order), and when there are
 * more than `max`, the first `max - 1` and one "Autres (n)" bar summing the others.
 */
export function chartRows(rows: readonly Count[], max: number = MAX_BARS): ChartItem[] {
  const items = rows.map((r) => ({ label: r.label, count: r.count }));
  if (max < 2 || items.length <= max) return items;
  const kept = items.slice(0, max - 1);
  const rest = items.slice(max - 1);
  const count = rest.reduce((sum, r) => sum + r.count, 0);
  return [...kept, { label: `Autres (${formatInteger(rest.length)})`, count }];
}

/** Height in pixels of a horizontal bar chart of `bars` bars (axis included). */
export function barChartHeight(bars: number): number {
  return Math.max(80, 36 + Math.max(0, bars) * 26);
}

/** An axis label cut to `max` characters ("Devoir de conseil / inf…"); the tooltip keeps it whole. */
export function shortLabel(label: string, max: number = 24): string {
  const chars = Array.from(label);
  if (chars.length <= max) return label;
  return `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** Tooltip of one bar or slice: "3 réclamations (42,9 %)", without the share when `total` is 0. */
export function countTooltip(count: number, total: number): string {
  const share = shareOf(count, total);
  return share === null ? formatComplaintCount(count) : `${formatComplaintCount(count)} (${formatPercent(share)})`;
}

/** What a screen reader says of a chart: "Réclamations reçues par objet : Résiliation 2, Cotisations 1." */
export function chartSummary(title: string, items: readonly ChartItem[]): string {
  if (items.length === 0) return `${title}\u00A0: aucune donnée.`;
  return `${title}\u00A0: ${items.map((i) => `${i.label} ${formatInteger(i.count)}`).join(", ")}.`;
}

/** The outcomes of the answers given over the period, in the labels' order. */
export function outcomeItems(stats: Pick<Stats, "upheld" | "partial" | "rejected">): ChartItem[] {
  return [
    { label: OUTCOME_LABELS.upheld, count: stats.upheld },
    { label: OUTCOME_LABELS.partial, count: stats.partial },
    { label: OUTCOME_LABELS.rejected, count: stats.rejected },
  ];
}

/** Sum of the counts (the doughnut's total). */
export function totalOf(items: readonly ChartItem[]): number {
  return items.reduce((sum, i) => sum + i.count, 0);
}
