// Pure logic of the column mapping step of "Importer un registre": which field each column
// of the file feeds, which fields are taken, what the user's choice changes. Whether a
// mapping is acceptable is the core's rule (it answers with a "mapping" error): this module
// only keeps the user's choices and shows what they imply. Which sheet of a workbook and which
// line holds the column titles are the core's finding too, until the user picks others here.
// No Tauri, no DOM: tested in Node.
import type { FieldInfo, ImportField, SheetInfo, SourceInfo } from "../../lib/backend/types";
import { formatInteger } from "../../lib/format";

/** One field (or null: "ne pas importer") per column of the file, in column order. */
export type Mapping = (ImportField | null)[];

/** The column index of each field in use (the first one when a field is used twice). */
export function columnsByField(mapping: readonly (ImportField | null)[]): Map<ImportField, number> {
  const out = new Map<ImportField, number>();
  mapping.forEach((field, column) => {
    if (field !== null && !out.has(field)) out.set(field, column);
  });
  return out;
}

/**
 * The column other than `column` that already uses `field`, or null. What the select of
 * `column` shows beside that field ("déjà : colonne « Nom »").
 */
export function usedByOtherColumn(
  mapping: readonly (ImportField | null)[],
  column: number,
  field: ImportField,
): number | null {
  const other = mapping.findIndex((f, i) => i !== column && f === field);
  return other === -1 ? null : other;
}

/** The fields given to more than one column (the core refuses such a mapping). */
export function duplicatedFields(mapping: readonly (ImportField | null)[]): ImportField[] {
  const seen = new Set<ImportField>();
  const twice: ImportField[] = [];
  for (const field of mapping) {
    if (field === null) continue;
    if (seen.has(field) && !twice.includes(field)) twice.push(field);
    seen.add(field);
  }
  return twice;
}

export interface Assignment {
  mapping: Mapping;
  /** The column that lost the field because it moved to the chosen column, if any. */
  movedFrom: number | null;
}

/**
 * The user gives `field` (or null) to `column`. A field feeds one column only: if another
 * column had it, it moves here and that column becomes "ne pas importer" (reported in
 * `movedFrom` so the screen can say so). The input is not modified.
 */
export function assignField(
  mapping: readonly (ImportField | null)[],
  column: number,
  field: ImportField | null,
): Assignment {
  const next = [...mapping];
  if (column < 0 || column >= next.length) return { mapping: next, movedFrom: null };
  let movedFrom: number | null = null;
  if (field !== null) {
    movedFrom = usedByOtherColumn(next, column, field);
    if (movedFrom !== null) next[movedFrom] = null;
  }
  next[column] = field;
  return { mapping: next, movedFrom };
}

/** The required fields (as the core lists them) that no column feeds yet. */
export function unmappedRequired(mapping: readonly (ImportField | null)[], fields: readonly FieldInfo[]): FieldInfo[] {
  const used = new Set(mapping.filter((f): f is ImportField => f !== null));
  return fields.filter((f) => f.required && !used.has(f.field));
}

/** Two reads of a file have the same columns (the user's mapping still applies). */
export function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

/** Two mappings are the same, column by column. */
export function sameMapping(a: readonly (ImportField | null)[], b: readonly (ImportField | null)[]): boolean {
  return a.length === b.length && a.every((f, i) => f === b[i]);
}

/** The option text of a field in a column's select: "Reçue le *" when required. */
export function fieldOptionLabel(field: FieldInfo, usedBy: string | null = null): string {
  const base = field.required ? `${field.label} *` : field.label;
  return usedBy === null ? base : `${base} (déjà : ${usedBy})`;
}

/** How a column is named to the user: its header, or "colonne 3" when the header is empty. */
export function columnName(headers: readonly string[], column: number): string {
  const header = (headers[column] ?? "").trim();
  return header === "" ? `colonne ${column + 1}` : `« ${header} »`;
}

const MAX_SAMPLE_LENGTH = 40;

/** Up to `count` distinct non-empty values of a column from the file's first rows, shortened. */
export function sampleValues(sample: readonly (readonly string[])[], column: number, count = 3): string[] {
  const out: string[] = [];
  for (const row of sample) {
    const value = (row[column] ?? "").replace(/\s+/g, " ").trim();
    const shown = value.length > MAX_SAMPLE_LENGTH ? `${value.slice(0, MAX_SAMPLE_LENGTH - 1)}…` : value;
    if (value === "" || out.includes(shown)) continue;
    out.push(shown);
    if (out.length >= count) break;
  }
  return out;
}

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  xlsx: "Classeur Excel (.xlsx)",
  xls: "Classeur Excel 97-2003 (.xls)",
  ods: "Classeur LibreOffice (.ods)",
  csv: "Fichier texte (CSV)",
};

const DELIMITER_LABELS: Readonly<Record<string, string>> = {
  ";": "point-virgule ( ; )",
  ",": "virgule ( , )",
  tab: "tabulation",
};

/** How the file was read, in French: "Fichier texte (CSV), encodage UTF-8, séparateur point-virgule ( ; )". */
export function describeSource(source: SourceInfo): string {
  const parts = [FORMAT_LABELS[source.format] ?? source.format.toUpperCase()];
  if (source.sheet !== null && source.sheet !== "") parts.push(`feuille « ${source.sheet} »`);
  if (source.encoding !== null && source.encoding !== "") parts.push(`encodage ${source.encoding}`);
  if (source.delimiter !== null && source.delimiter !== "") {
    parts.push(`séparateur ${DELIMITER_LABELS[source.delimiter] ?? `« ${source.delimiter} »`}`);
  }
  return parts.join(", ");
}

/** One option of a select: the value sent back, the text shown. */
export interface SelectOption {
  value: string;
  label: string;
}

/** The options of "Feuille" : "Réclamations 2025 (4 lignes)", in the workbook's order. */
export function sheetOptions(sheets: readonly SheetInfo[]): SelectOption[] {
  return sheets.map((s) => ({
    value: s.name,
    label: `${s.name} (${formatInteger(s.rows)} ${s.rows >= 2 ? "lignes" : "ligne"})`,
  }));
}

const MAX_LINE_CELLS = 4;
const MAX_LINE_LENGTH = 70;

/**
 * How a line of the file is shown in "Ligne des titres": "Ligne 5 : N° | Réclamant | Date de
 * réception…", its first filled cells, shortened ("…" when some are left out).
 */
export function headerLineLabel(line: number, cells: readonly string[]): string {
  const filled = cells.map((c) => c.replace(/\s+/g, " ").trim()).filter((c) => c !== "");
  if (filled.length === 0) return `Ligne ${line}`;
  let text = filled.slice(0, MAX_LINE_CELLS).join(" | ");
  let cut = filled.length > MAX_LINE_CELLS;
  if (text.length > MAX_LINE_LENGTH) {
    text = text.slice(0, MAX_LINE_LENGTH - 1).trimEnd();
    cut = true;
  }
  return `Ligne ${line} : ${text}${cut ? "…" : ""}`;
}

/**
 * The options of "Ligne des titres": the first filled lines of the file, in file order. The
 * line `current` is always among them (a choice the file no longer shows stays visible).
 */
export function headerLineOptions(
  topLines: readonly (readonly [number, readonly string[]])[],
  current: number | null,
): SelectOption[] {
  const options = topLines.map(([line, cells]) => ({ line, label: headerLineLabel(line, cells) }));
  if (current !== null && current > 0 && !options.some((o) => o.line === current)) {
    options.push({ line: current, label: `Ligne ${current}` });
    options.sort((a, b) => a.line - b.line);
  }
  return options.map((o) => ({ value: String(o.line), label: o.label }));
}

/** The sheet and the header line the user chose; null: the core's finding. */
export interface SourceChoice {
  sheet: string | null;
  headerLine: number | null;
}

/**
 * The columns of a report are those of the user's choice: same sheet, same header line (a
 * choice left to the core matches whatever it found). When they are not, the mapping shown
 * belongs to other columns and the next preview asks the core to guess it again.
 */
export function sameSource(choice: SourceChoice, source: Pick<SourceInfo, "sheet" | "headerLine">): boolean {
  return (
    (choice.sheet === null || choice.sheet === source.sheet) &&
    (choice.headerLine === null || choice.headerLine === source.headerLine)
  );
}
