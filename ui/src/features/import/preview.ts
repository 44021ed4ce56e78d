// Pure logic of the preview and confirmation steps of "Importer un registre": the counts in
// French, the row filters, the row status labels, the decisions the user gives to rows whose
// answer names none, and the range of references given. The outcome of each row is the core's
// (a dry run of the real import): nothing is decided here. No Tauri, no DOM: tested in Node.
import { OUTCOME_LABELS, OUTCOMES } from "../../lib/backend/labels";
import type {
  FieldInfo,
  ImportField,
  ImportReport,
  Outcome,
  Problem,
  RowOutcome,
  RowStatus,
} from "../../lib/backend/types";
import { formatInteger } from "../../lib/format";

/** French: 0 and 1 take the singular. */
const plural = (n: number, one: string, many: string) => (Math.abs(n) >= 2 ? many : one);

/**
 * "12 lignes : 9 à importer, 2 refusées, 1 déjà présente" (once imported: "9 importées"),
 * then ", 1 ignorée" when total or footer lines under the table were left aside.
 */
export function countsText(
  r: Pick<ImportReport, "total" | "accepted" | "refused" | "duplicates" | "ignored">,
  imported = false,
): string {
  const accepted = imported ? plural(r.accepted, "importée", "importées") : "à importer";
  const ignored = r.ignored > 0 ? `, ${formatInteger(r.ignored)} ${plural(r.ignored, "ignorée", "ignorées")}` : "";
  return (
    `${formatInteger(r.total)} ${plural(r.total, "ligne", "lignes")} : ` +
    `${formatInteger(r.accepted)} ${accepted}, ` +
    `${formatInteger(r.refused)} ${plural(r.refused, "refusée", "refusées")}, ` +
    `${formatInteger(r.duplicates)} déjà ${plural(r.duplicates, "présente", "présentes")}` +
    ignored
  );
}

/** The import button: "Importer 9 réclamations", "Importer 1 réclamation". */
export function runLabel(accepted: number): string {
  return `Importer ${formatInteger(accepted)} ${plural(accepted, "réclamation", "réclamations")}`;
}

export type RowFilter = "all" | "refused" | "warnings" | "duplicates";

export const ROW_FILTERS: readonly { id: RowFilter; label: string }[] = [
  { id: "all", label: "Toutes" },
  { id: "refused", label: "Refusées" },
  { id: "warnings", label: "Avec avertissement" },
  { id: "duplicates", label: "Déjà présentes" },
];

/** Whether a row is shown under a filter. "Avec avertissement": any status, at least one warning. */
export function matchesFilter(row: RowOutcome, filter: RowFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "refused":
      return row.status === "refused";
    case "warnings":
      return row.warnings.length > 0;
    case "duplicates":
      return row.status === "duplicate";
  }
}

/** How many rows each filter shows (the numbers on the filter buttons). */
export function filterCounts(rows: readonly RowOutcome[]): Record<RowFilter, number> {
  const counts: Record<RowFilter, number> = { all: 0, refused: 0, warnings: 0, duplicates: 0 };
  for (const row of rows) {
    for (const f of ROW_FILTERS) if (matchesFilter(row, f.id)) counts[f.id]++;
  }
  return counts;
}

/** At most this many rows are drawn; the rest is announced ("… et 812 autres"). */
export const MAX_SHOWN_ROWS = 200;

export interface VisibleRows {
  rows: RowOutcome[];
  /** Rows matching the filter but not drawn. */
  hidden: number;
}

/** The first `limit` rows of a filter, and how many more match it. */
export function visibleRows(rows: readonly RowOutcome[], filter: RowFilter, limit = MAX_SHOWN_ROWS): VisibleRows {
  const matching = rows.filter((r) => matchesFilter(r, filter));
  return { rows: matching.slice(0, limit), hidden: Math.max(0, matching.length - limit) };
}

/** "… et 1 autre", "… et 812 autres". */
export function moreRowsText(hidden: number): string {
  return `… et ${formatInteger(hidden)} ${plural(hidden, "autre", "autres")}`;
}

/** The badge of a row: before the import ("À importer") and after it ("Importée"). */
export function rowStatusLabel(status: RowStatus, imported = false): string {
  switch (status) {
    case "accepted":
      return imported ? "Importée" : "À importer";
    case "refused":
      return imported ? "Non importée" : "Refusée";
    case "duplicate":
      return "Déjà présente";
    case "ignored":
      return "Ignorée";
  }
}

/** The decisions chosen row by row: line in the file -> decision. */
export type Decisions = Readonly<Record<number, Outcome>>;

/** The options of a decision select, in the core's order: Fondée, Partiellement fondée, Rejetée. */
export const DECISION_OPTIONS: readonly { value: Outcome; label: string }[] = OUTCOMES.map((o) => ({
  value: o,
  label: OUTCOME_LABELS[o],
}));

/** A select's value as a decision: null for "" or anything the core does not know. */
export function parseOutcome(value: string): Outcome | null {
  return (OUTCOMES as readonly string[]).includes(value) ? (value as Outcome) : null;
}

/** `decisions` with `line` decided (`outcome`) or left to the decision for all rows (null). The input is not modified. */
export function withDecision(decisions: Decisions, line: number, outcome: Outcome | null): Record<number, Outcome> {
  const next: Record<number, Outcome> = { ...decisions };
  if (outcome === null) delete next[line];
  else next[line] = outcome;
  return next;
}

/**
 * The lines that asked for a decision: those already known, and the rows of a new preview
 * that ask. A line keeps its select once decided (its row is then accepted and no longer
 * asks), so that the user can change the decision. In file order, each once.
 */
export function decisionLines(known: readonly number[], rows: readonly RowOutcome[]): number[] {
  const lines = new Set(known);
  for (const row of rows) if (row.needsDecision) lines.add(row.line);
  return [...lines].sort((a, b) => a - b);
}

/** How many rows still wait for a decision (refused only for that). */
export function undecidedCount(rows: readonly RowOutcome[]): number {
  return rows.reduce((n, r) => n + (r.needsDecision ? 1 : 0), 0);
}

/** The empty option of a row's decision select: the decision for all rows, when there is one. */
export function rowDecisionPlaceholder(defaultOutcome: Outcome | null): string {
  return defaultOutcome === null ? "— à choisir —" : `— comme les autres : ${OUTCOME_LABELS[defaultOutcome]} —`;
}

/** Beside the decision for all rows: how many rows still wait for one. */
export function undecidedText(undecided: number): string {
  if (undecided === 0) return "Toutes les lignes ont une décision.";
  if (undecided === 1) {
    return "1 ligne n'a pas de décision lisible dans sa réponse : choisissez-la sur sa ligne, ou pour toutes.";
  }
  return (
    `${formatInteger(undecided)} lignes n'ont pas de décision lisible dans leur réponse : ` +
    "choisissez-les ligne par ligne, ou pour toutes."
  );
}

/** Where a validation error of the register names a complaint field, the import field it comes from. */
const FIELD_OF_WIRE_NAME: Readonly<Record<string, ImportField>> = {
  "client.name": "clientName",
  "client.kind": "clientKind",
  "client.address": "clientAddress",
  "client.email": "clientEmail",
  "client.phone": "clientPhone",
  "client.number": "clientNumber",
  "contract.number": "contract",
  "contract.product": "product",
  "contract.insurer": "insurer",
  summary: "answerSummary",
};

/**
 * A row's problem or warning as shown: the message, prefixed with the label of the field it
 * concerns when the message does not already name it ("Reçue le : date dans le futur").
 */
export function problemText(problem: Problem, fields: readonly FieldInfo[]): string {
  const field = FIELD_OF_WIRE_NAME[problem.field] ?? problem.field;
  const label = fields.find((f) => f.field === field)?.label;
  if (label === undefined || problem.message.startsWith(label)) return problem.message;
  return `${label} : ${problem.message}`;
}

const REFERENCE = /^REC-(\d{4})-(\d+)$/;

/** Register references in register order: by year, then by number ("REC-2026-0009" < "REC-2026-0010"). */
export function compareReferences(a: string, b: string): number {
  const ma = REFERENCE.exec(a);
  const mb = REFERENCE.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  return Number(ma[1]) - Number(mb[1]) || Number(ma[2]) - Number(mb[2]);
}

export interface ReferenceRange {
  first: string;
  last: string;
  count: number;
}

/** The first and last register references given to the accepted rows, or null when there are none. */
export function referenceRange(rows: readonly RowOutcome[]): ReferenceRange | null {
  const refs = rows
    .filter((r) => r.status === "accepted" && r.reference !== null)
    .map((r) => r.reference as string)
    .sort(compareReferences);
  if (refs.length === 0) return null;
  return { first: refs[0], last: refs[refs.length - 1], count: refs.length };
}

/** "9 réclamations importées (références REC-2026-0001 à REC-2026-0009)". */
export function importedText(report: Pick<ImportReport, "accepted" | "rows">): string {
  if (report.accepted === 0) return "Aucune réclamation importée";
  const n = report.accepted;
  const head = `${formatInteger(n)} ${plural(n, "réclamation importée", "réclamations importées")}`;
  const range = referenceRange(report.rows);
  if (range === null) return head;
  if (range.first === range.last) return `${head} (référence ${range.first})`;
  return `${head} (références ${range.first} à ${range.last})`;
}

/**
 * What the import left aside: "Non importées : 2 lignes refusées, 1 déjà présente, 1 ignorée
 * (total ou pied de tableau)."
 */
export function skippedText(report: Pick<ImportReport, "refused" | "duplicates" | "ignored">): string {
  const { refused, duplicates, ignored } = report;
  if (refused === 0 && duplicates === 0 && ignored === 0) return "Aucune ligne refusée ni déjà présente.";
  const parts: string[] = [];
  // The first part names the rows ("2 lignes refusées"), the others follow it ("1 déjà présente").
  const noun = (n: number) => (parts.length > 0 ? "" : `${plural(n, "ligne", "lignes")} `);
  if (refused > 0) parts.push(`${formatInteger(refused)} ${noun(refused)}${plural(refused, "refusée", "refusées")}`);
  if (duplicates > 0) {
    parts.push(`${formatInteger(duplicates)} ${noun(duplicates)}déjà ${plural(duplicates, "présente", "présentes")}`);
  }
  if (ignored > 0) {
    parts.push(`${formatInteger(ignored)} ${noun(ignored)}${plural(ignored, "ignorée", "ignorées")} (total ou pied de tableau)`);
  }
  return `Non ${plural(refused + duplicates + ignored, "importée", "importées")} : ${parts.join(", ")}.`;
}

/** "4 200 lignes sur 10 000 (42 %)": how far the import under way is. */
export function progressText(done: number, total: number): string {
  const share = total > 0 ? Math.floor((done * 100) / total) : 0;
  return `${formatInteger(done)} ligne${done >= 2 ? "s" : ""} sur ${formatInteger(total)} (${share}\u00A0%)`;
}
