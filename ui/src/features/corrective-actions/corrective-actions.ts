// Pure logic of the "Actions correctives et préventives" table: the filters, how late an
// action is, how the status changes are offered, which actions may still be edited. No Tauri, no DOM: tested in Node. Whether an
// action is late and which statuses it may move to are the core's answers (`late`,
// `nextStatuses`); this module only counts the days and labels the buttons.
import type { ActionStatus, CorrectiveAction } from "../../lib/backend/types";
import { isIsoDate } from "../../lib/calendar/dates";
import { formatInteger } from "../../lib/format";

/**
 * "open" is planned or in progress (the status may still change); "inProgress" is exactly
 * the status "En cours", so a planned action is never counted as started.
 */
export type CorrectiveActionFilter = "all" | "open" | "inProgress" | "late" | "closed";

export interface CorrectiveActionFilterDef {
  id: CorrectiveActionFilter;
  label: string;
  /** Shown when the filter leaves no row. */
  empty: string;
}

export const CORRECTIVE_ACTION_FILTERS: readonly CorrectiveActionFilterDef[] = [
  { id: "all", label: "Toutes", empty: "Aucune action corrective ou préventive." },
  { id: "open", label: "Ouvertes", empty: "Aucune action ouverte." },
  { id: "inProgress", label: "En cours", empty: "Aucune action en cours." },
  { id: "late", label: "En retard", empty: "Aucune action en retard." },
  { id: "closed", label: "Terminées", empty: "Aucune action terminée." },
];

/** Planned or in progress: the status may still change. Done and abandoned are final. */
export function isOpenStatus(status: ActionStatus): boolean {
  return status === "planned" || status === "inProgress";
}

/**
 * An open action (planned, in progress) may still be edited (text, owner, due date); the
 * core refuses it once done or abandoned (field "status").
 */
export function isEditable(action: Pick<CorrectiveAction, "status">): boolean {
  return isOpenStatus(action.status);
}

export function matchesFilter(action: CorrectiveAction, filter: CorrectiveActionFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "open":
      return isOpenStatus(action.status);
    case "inProgress":
      return action.status === "inProgress";
    case "late":
      // The core's answer: open and past its due date.
      return action.late;
    case "closed":
      return !isOpenStatus(action.status);
  }
}

/** The actions a filter keeps, in the backend's order (late first, then by due date). */
export function filterCorrectiveActions(actions: readonly CorrectiveAction[], filter: CorrectiveActionFilter): CorrectiveAction[] {
  return actions.filter((a) => matchesFilter(a, filter));
}

/** How many actions each filter keeps (the counts on the filter buttons). */
export function countByFilter(actions: readonly CorrectiveAction[]): Record<CorrectiveActionFilter, number> {
  const counts: Record<CorrectiveActionFilter, number> = { all: 0, open: 0, inProgress: 0, late: 0, closed: 0 };
  for (const a of actions) {
    for (const f of CORRECTIVE_ACTION_FILTERS) if (matchesFilter(a, f.id)) counts[f.id]++;
  }
  return counts;
}

/** Days since the epoch of an ISO date (UTC: no time zone, no summer time). */
function epochDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null for a non-date. */
export function daysBetween(from: string, to: string): number | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return null;
  return epochDay(to) - epochDay(from);
}

/**
 * Calendar days an action is past its due date, today; null when the backend does not
 * call it late (done, abandoned, not yet due) or today is unknown.
 */
export function daysLate(action: CorrectiveAction, today: string): number | null {
  if (!action.late) return null;
  const d = daysBetween(action.dueOn, today);
  return d !== null && d > 0 ? d : null;
}

/** "en retard de 3 j" ("j" is an invariable abbreviation). */
export function lateText(days: number): string {
  return `en retard de ${formatInteger(days)}\u00A0j`;
}

export interface StatusChange {
  status: ActionStatus;
  /** Button label. */
  label: string;
  /** Done and abandoned are final: the user confirms first. */
  final: boolean;
  /** The question asked before a final change. */
  question: string;
}

/** How each status change is offered: its button, and the question before a final one. */
const CHANGES: Readonly<Record<ActionStatus, StatusChange>> = {
  planned: { status: "planned", label: "Replanifier", final: false, question: "" },
  inProgress: { status: "inProgress", label: "Démarrer", final: false, question: "" },
  done: {
    status: "done",
    label: "Terminer",
    final: true,
    question: "Marquer l'action comme réalisée\u00A0? Son statut ne pourra plus changer.",
  },
  abandoned: {
    status: "abandoned",
    label: "Abandonner",
    final: true,
    question: "Abandonner l'action\u00A0? Son statut ne pourra plus changer.",
  },
};

/**
 * The status changes a row offers: the statuses the core says the action may move to now
 * (`nextStatuses`, none once done or abandoned), in its order.
 */
export function statusChanges(action: Pick<CorrectiveAction, "nextStatuses">): StatusChange[] {
  return action.nextStatuses.map((s) => CHANGES[s]).filter((c): c is StatusChange => c !== undefined);
}

/** "1 dysfonctionnement", "2 dysfonctionnements", "aucun dysfonctionnement". */
export function dysfunctionCountText(n: number): string {
  if (n === 0) return "aucun dysfonctionnement";
  return `${formatInteger(n)} dysfonctionnement${n >= 2 ? "s" : ""}`;
}
