// The complaints platform's score on the "Statistiques" screen (seed 004): the figures the
// core computes (response rate, median time to answer, answered within a week, resolved
// share, their mean, the clients' mean rating), worded and formatted as the screen shows
// them. No Tauri, no DOM: tested in Node.
import type { PlatformScore } from "../../lib/backend/types";
import { NBSP, formatInteger, formatPercent } from "../../lib/format";

/** "Answered quickly": within this many days (the core's QUICK_DAYS). */
export const QUICK_DAYS = 7;

/** Under the combined figure: how it is made, and why. */
export const COMBINED_NOTE = `moyenne des trois taux${NBSP}; la plateforme ne publie pas sa pondération`;

/** Median days to answer: "12 j", "—" when nothing was answered. */
export function formatMedianDays(days: number | null): string {
  return days === null || !Number.isFinite(days) ? "—" : `${formatInteger(days)}${NBSP}j`;
}

/** The clients' mean rating: "4,2/5", "—" when no client rated. */
export function formatMeanRating(rating: number | null): string {
  if (rating === null || !Number.isFinite(rating)) return "—";
  return `${rating.toFixed(1).replace(".", ",")}/5`;
}

/** One key figure of the block. */
export interface PlatformFigure {
  /** Element id of the value. */
  id: string;
  label: string;
  value: string;
  /** A short explanation under the label. */
  note?: string;
}

/** The block's figures, in the order shown. */
export function platformFigures(s: PlatformScore): PlatformFigure[] {
  return [
    { id: "stats-platform-received", label: "Réclamations reçues par une plateforme", value: formatInteger(s.received) },
    { id: "stats-platform-response-rate", label: "Taux de réponse", value: formatPercent(s.responseRatePct) },
    { id: "stats-platform-median-days", label: "Délai de réponse médian", value: formatMedianDays(s.medianDaysToAnswer) },
    {
      id: "stats-platform-quick",
      label: `Répondues sous ${QUICK_DAYS}${NBSP}jours`,
      value: formatPercent(s.answeredQuicklyPct),
    },
    { id: "stats-platform-resolved", label: "Résolues (retour du client)", value: formatPercent(s.resolvedPct) },
    { id: "stats-platform-combined", label: "Indice combiné", value: formatPercent(s.combinedPct), note: COMBINED_NOTE },
    { id: "stats-platform-rating", label: "Note moyenne", value: formatMeanRating(s.meanRating) },
    { id: "stats-platform-public", label: "Plaintes publiques", value: formatInteger(s.public) },
    { id: "stats-platform-escalated", label: "Transmises au service juridique", value: formatInteger(s.escalated) },
  ];
}
