import { describe, expect, it } from "vitest";
import type { FieldInfo, ImportField, SourceInfo } from "../../lib/backend/types";
import { NNBSP } from "../../lib/format";
import {
  assignField,
  columnName,
  columnsByField,
  describeSource,
  duplicatedFields,
  fieldOptionLabel,
  headerLineLabel,
  headerLineOptions,
  sameHeaders,
  sameMapping,
  sameSource,
  sampleValues,
  sheetOptions,
  unmappedRequired,
  usedByOtherColumn,
} from "./mapping";

/** How a file was read, with nothing adjusted: a plain table, titles on line 1. */
function source(read: Partial<SourceInfo>): SourceInfo {
  return {
    format: "csv",
    sheet: null,
    encoding: null,
    delimiter: null,
    notes: [],
    sheets: [],
    headerLine: 1,
    topLines: [],
    ...read,
  };
}

const FIELDS: FieldInfo[] = [
  { field: "reference", label: "Référence d'origine", required: false },
  { field: "clientName", label: "Client (nom)", required: true },
  { field: "receivedOn", label: "Reçue le", required: true },
  { field: "description", label: "Description", required: false },
];

const mapping: (ImportField | null)[] = ["reference", "receivedOn", "clientName", null, "description"];

describe("fields in use", () => {
  it("gives the column of each field in use", () => {
    const byField = columnsByField(mapping);
    expect(byField.get("clientName")).toBe(2);
    expect(byField.get("reference")).toBe(0);
    expect(byField.has("channel")).toBe(false);
  });

  it("finds the other column that already uses a field", () => {
    expect(usedByOtherColumn(mapping, 3, "clientName")).toBe(2);
    // The column itself does not count.
    expect(usedByOtherColumn(mapping, 2, "clientName")).toBeNull();
    expect(usedByOtherColumn(mapping, 3, "channel")).toBeNull();
  });

  it("lists the fields given to several columns, once each", () => {
    expect(duplicatedFields(mapping)).toEqual([]);
    expect(duplicatedFields(["clientName", "clientName", null, "clientName", "receivedOn", "receivedOn"])).toEqual([
      "clientName",
      "receivedOn",
    ]);
  });

  it("lists the required fields no column feeds", () => {
    expect(unmappedRequired(mapping, FIELDS)).toEqual([]);
    expect(unmappedRequired(["reference", null, null], FIELDS).map((f) => f.label)).toEqual([
      "Client (nom)",
      "Reçue le",
    ]);
  });
});

describe("assigning a field to a column", () => {
  it("sets a free field without touching other columns", () => {
    const { mapping: next, movedFrom } = assignField(mapping, 3, "channel");
    expect(next).toEqual(["reference", "receivedOn", "clientName", "channel", "description"]);
    expect(movedFrom).toBeNull();
  });

  it("moves a field already used: the other column is no longer imported", () => {
    const { mapping: next, movedFrom } = assignField(mapping, 3, "clientName");
    expect(next).toEqual(["reference", "receivedOn", null, "clientName", "description"]);
    expect(movedFrom).toBe(2);
  });

  it("clears a column", () => {
    const { mapping: next, movedFrom } = assignField(mapping, 0, null);
    expect(next).toEqual([null, "receivedOn", "clientName", null, "description"]);
    expect(movedFrom).toBeNull();
  });

  it("choosing the column's own field changes nothing", () => {
    const { mapping: next, movedFrom } = assignField(mapping, 2, "clientName");
    expect(next).toEqual(mapping);
    expect(movedFrom).toBeNull();
  });

  it("does not modify its input, and ignores a column out of range", () => {
    const before = [...mapping];
    assignField(mapping, 3, "clientName");
    expect(mapping).toEqual(before);
    expect(assignField(mapping, 9, "channel").mapping).toEqual(mapping);
  });
});

describe("comparisons", () => {
  it("same headers, same mapping", () => {
    expect(sameHeaders(["A", "B"], ["A", "B"])).toBe(true);
    expect(sameHeaders(["A", "B"], ["A", "C"])).toBe(false);
    expect(sameHeaders(["A"], ["A", "B"])).toBe(false);
    expect(sameMapping(["clientName", null], ["clientName", null])).toBe(true);
    expect(sameMapping(["clientName", null], [null, "clientName"])).toBe(false);
    expect(sameMapping([null], [null, null])).toBe(false);
  });
});

describe("texts of the mapping step", () => {
  it("marks required fields and fields used elsewhere", () => {
    expect(fieldOptionLabel(FIELDS[2])).toBe("Reçue le *");
    expect(fieldOptionLabel(FIELDS[3])).toBe("Description");
    expect(fieldOptionLabel(FIELDS[1], "« Nom »")).toBe("Client (nom) * (déjà : « Nom »)");
  });

  it("names a column by its header, or by its position when the header is empty", () => {
    expect(columnName(["Nom", "  "], 0)).toBe("« Nom »");
    expect(columnName(["Nom", "  "], 1)).toBe("colonne 2");
    expect(columnName(["Nom"], 4)).toBe("colonne 5");
  });

  it("takes the first non-empty sample values of a column, shortened", () => {
    const sample = [
      ["R-1", "", "Mme Garçon"],
      ["R-2", "06/01/2026", "SARL Dupré\n& Fils"],
      ["R-3", "12/01/2026", "x".repeat(60)],
      ["R-4", "15/01/2026", "M. Lefèvre"],
      ["R-5"],
    ];
    expect(sampleValues(sample, 0)).toEqual(["R-1", "R-2", "R-3"]);
    expect(sampleValues(sample, 1)).toEqual(["06/01/2026", "12/01/2026", "15/01/2026"]);
    expect(sampleValues(sample, 2, 2)).toEqual(["Mme Garçon", "SARL Dupré & Fils"]);
    const long = sampleValues(sample, 2)[2];
    expect(long).toHaveLength(40);
    expect(long.endsWith("…")).toBe(true);
    expect(sampleValues(sample, 7)).toEqual([]);
  });

  it("shows each sample value once", () => {
    const sample = [["Courrier"], ["Courrier"], [" Courrier "], ["E-mail"], ["Courrier"], ["Téléphone"]];
    expect(sampleValues(sample, 0)).toEqual(["Courrier", "E-mail", "Téléphone"]);
  });

  it("describes how the file was read", () => {
    expect(describeSource(source({ format: "csv", sheet: null, encoding: "Windows-1252 (Latin-1)", delimiter: ";" }))).toBe(
      "Fichier texte (CSV), encodage Windows-1252 (Latin-1), séparateur point-virgule ( ; )",
    );
    expect(describeSource(source({ format: "csv", sheet: null, encoding: "UTF-8", delimiter: "tab" }))).toBe(
      "Fichier texte (CSV), encodage UTF-8, séparateur tabulation",
    );
    expect(describeSource(source({ format: "xlsx", sheet: "Registre 2026", encoding: null, delimiter: null }))).toBe(
      "Classeur Excel (.xlsx), feuille « Registre 2026 »",
    );
    expect(describeSource(source({ format: "ods", sheet: "Feuille1", encoding: null, delimiter: null }))).toBe(
      "Classeur LibreOffice (.ods), feuille « Feuille1 »",
    );
    expect(describeSource(source({ format: "tsv", sheet: null, encoding: null, delimiter: "|" }))).toBe(
      "TSV, séparateur « | »",
    );
  });
});

/** The first lines of the workbook of tests/import_fixtures/messy.py, as the core sends them. */
const TOP_LINES: [number, string[]][] = [
  [1, ["Cabinet Durand Courtage"]],
  [2, ["Registre des réclamations 2025"]],
  [3, ["Mis à jour le 15/01/2026"]],
  [5, ["N°", "Réclamant", "Date de réception", "Canal", "Motif / description", "Nature"]],
  [6, ["2025-001", "Mme Hélène Garnier", "03/03/2025", "courriel"]],
];

describe("sheet and header line", () => {
  it("lists the sheets with their filled rows", () => {
    expect(
      sheetOptions([
        { name: "Consignes", rows: 1 },
        { name: "Réclamations 2025", rows: 10 },
        { name: "Archives", rows: 2345 },
      ]),
    ).toEqual([
      { value: "Consignes", label: "Consignes (1 ligne)" },
      { value: "Réclamations 2025", label: "Réclamations 2025 (10 lignes)" },
      { value: "Archives", label: `Archives (2${NNBSP}345 lignes)` },
    ]);
    expect(sheetOptions([])).toEqual([]);
  });

  it("shows a line by its number and its first cells", () => {
    expect(headerLineLabel(2, ["Registre des réclamations 2025"])).toBe("Ligne 2 : Registre des réclamations 2025");
    expect(headerLineLabel(5, ["N°", "", " Réclamant ", "Date de\nréception", "Canal", "Motif"])).toBe(
      "Ligne 5 : N° | Réclamant | Date de réception | Canal…",
    );
    expect(headerLineLabel(7, ["", "  "])).toBe("Ligne 7");
    const long = headerLineLabel(1, ["x".repeat(100)]);
    expect(long).toBe(`Ligne 1 : ${"x".repeat(69)}…`);
  });

  it("offers the first lines of the file as header line, the current one among them", () => {
    const options = headerLineOptions(TOP_LINES, 5);
    expect(options.map((o) => o.value)).toEqual(["1", "2", "3", "5", "6"]);
    expect(options[3]).toEqual({ value: "5", label: "Ligne 5 : N° | Réclamant | Date de réception | Canal…" });
    expect(options[0].label).toBe("Ligne 1 : Cabinet Durand Courtage");
    // A line chosen that the file no longer shows among its first ones stays offered, in order.
    expect(headerLineOptions(TOP_LINES, 4).map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(headerLineOptions(TOP_LINES, 4)[3].label).toBe("Ligne 4");
    expect(headerLineOptions([], null)).toEqual([]);
  });

  it("tells whether a report was read with the sheet and header line chosen", () => {
    const read = { sheet: "Réclamations 2025", headerLine: 5 };
    // Left to the core: whatever it found.
    expect(sameSource({ sheet: null, headerLine: null }, read)).toBe(true);
    expect(sameSource({ sheet: "Réclamations 2025", headerLine: 5 }, read)).toBe(true);
    expect(sameSource({ sheet: "Réclamations 2025", headerLine: null }, read)).toBe(true);
    // Another sheet or another header line: other columns.
    expect(sameSource({ sheet: "Consignes", headerLine: null }, read)).toBe(false);
    expect(sameSource({ sheet: null, headerLine: 3 }, read)).toBe(false);
    // A text file has no sheet.
    expect(sameSource({ sheet: null, headerLine: 1 }, { sheet: null, headerLine: 1 })).toBe(true);
  });
});
