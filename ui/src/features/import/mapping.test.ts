import { describe, expect, it } from "vitest";
import type { FieldInfo, ImportField } from "../../lib/backend/types";
import {
  assignField,
  columnName,
  columnsByField,
  describeSource,
  duplicatedFields,
  fieldOptionLabel,
  sameHeaders,
  sameMapping,
  sampleValues,
  unmappedRequired,
  usedByOtherColumn,
} from "./mapping";

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
    expect(describeSource({ format: "csv", sheet: null, encoding: "Windows-1252 (Latin-1)", delimiter: ";", notes: [] })).toBe(
      "Fichier texte (CSV), encodage Windows-1252 (Latin-1), séparateur point-virgule ( ; )",
    );
    expect(describeSource({ format: "csv", sheet: null, encoding: "UTF-8", delimiter: "tab", notes: [] })).toBe(
      "Fichier texte (CSV), encodage UTF-8, séparateur tabulation",
    );
    expect(describeSource({ format: "xlsx", sheet: "Registre 2026", encoding: null, delimiter: null, notes: [] })).toBe(
      "Classeur Excel (.xlsx), feuille « Registre 2026 »",
    );
    expect(describeSource({ format: "ods", sheet: "Feuille1", encoding: null, delimiter: null, notes: [] })).toBe(
      "Classeur LibreOffice (.ods), feuille « Feuille1 »",
    );
    expect(describeSource({ format: "tsv", sheet: null, encoding: null, delimiter: "|", notes: [] })).toBe(
      "TSV, séparateur « | »",
    );
  });
});
