// The register's status filter: the lifecycle statuses, and the complaints that ended
// otherwise (withdrawn by the client, requalified as a request for information). One select,
// two query fields: a lifecycle status shows the complaints still running, an ending shows
// those that ended so. Pure functions: unit-tested, no Svelte, no Tauri.
import type { EndKind, RegisterQuery, Status } from "../../lib/backend/types";
import { END_KINDS, STATUSES } from "../../lib/backend/labels";
import { statusLabel } from "../../lib/format";

/** The select's value: "" (every complaint), a lifecycle status or an ending (the values do not overlap). */
export type StatusChoice = Status | EndKind | "";

/** The options after the lifecycle statuses (the register's words, plural). */
export const ENDED_CHOICE_LABELS: Readonly<Record<EndKind, string>> = {
  withdrawn: "Retirées par le client",
  requalified: "Requalifiées",
};

export interface StatusOption {
  value: StatusChoice;
  label: string;
}

/** Every option but "Tous les statuts": the lifecycle statuses, then the endings. */
export const STATUS_OPTIONS: readonly StatusOption[] = [
  ...STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
  ...END_KINDS.map((e) => ({ value: e, label: ENDED_CHOICE_LABELS[e] })),
];

/** The select's value for the filters as kept. */
export function statusChoice(status: Status | "", ended: EndKind | ""): StatusChoice {
  return ended !== "" ? ended : status;
}

/** The filters a choice sets: an ending clears the status, a status (or none) clears the ending. */
export function readStatusChoice(value: string): { status: Status | ""; ended: EndKind | "" } {
  if ((END_KINDS as readonly string[]).includes(value)) return { status: "", ended: value as EndKind };
  if ((STATUSES as readonly string[]).includes(value)) return { status: value as Status, ended: "" };
  return { status: "", ended: "" };
}

/** The query's fields for the filters as kept. */
export function statusQuery(status: Status | "", ended: EndKind | ""): Pick<RegisterQuery, "status" | "ended"> {
  if (ended !== "") return { status: null, ended };
  return { status: status === "" ? null : status, ended: null };
}
