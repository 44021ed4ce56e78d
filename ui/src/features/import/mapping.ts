// Pure logic of the column mapping step of "Importer un registre": which field each column
// of the file feeds, which fields are taken, what the user's choice changes. Whether a
// mapping is acceptable is the core's rule (it answers with a "mapping" error): this module
// only keeps the user's choices and shows what they imply. No Tauri, no DOM: tested in Node.
import type { FieldInfo, ImportField, SourceInfo } from "../../lib/backend/types";

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
