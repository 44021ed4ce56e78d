import { describe, expect, it } from "vitest";
import type { FieldInfo, RowOutcome, RowStatus } from "../../lib/backend/types";
import { NNBSP } from "../../lib/format";
import {
  progressText,
  DECISION_OPTIONS,
  compareReferences,
  countsText,
  decisionLines,
  filterCounts,
  importedText,
  matchesFilter,
  moreRowsText,
  parseOutcome,
  problemText,
  referenceRange,
  rowDecisionPlaceholder,
  rowStatusLabel,
  runLabel,
  skippedText,
  undecidedCount,
  undecidedText,
  visibleRows,
  withDecision,
} from "./preview";

function row(line: number, status: RowStatus, extra: Partial<RowOutcome> = {}): RowOutcome {
  return {
    line,
    status,
    originalReference: `R-${line}`,
    client: `Client ${line}`,
    reference: status === "refused" ? null : `REC-2026-${String(line).padStart(4, "0")}`,
    problems: status === "refused" ? [{ field: "receivedOn", message: "Reçue le : date invalide" }] : [],
    warnings: [],
    needsDecision: false,
    ...extra,
  };
}

/** A row refused only because its answer names no decision. */
function undecided(line: number): RowOutcome {
  return row(line, "refused", {
    problems: [{ field: "outcome", message: "Décision : « Voir courrier du 28/11 » ne dit pas si la réclamation est fondée" }],
    needsDecision: true,
  });
}

const warn = [{ field: "subject", message: "Objet : « Sinistre » inconnu : classé Autre" }];

const ROWS: RowOutcome[] = [
  row(2, "accepted"),
  row(3, "accepted", { warnings: warn }),
  row(4, "refused"),
  row(5, "duplicate", { reference: "REC-2025-0042" }),
  row(6, "refused", { warnings: warn }),
  row(7, "accepted"),
];

describe("counts", () => {
  it("uses the French plural (0 and 1 singular)", () => {
    expect(countsText({ total: 12, accepted: 9, refused: 2, duplicates: 1, ignored: 0 })).toBe(
      "12 lignes : 9 à importer, 2 refusées, 1 déjà présente",
    );
    expect(countsText({ total: 1, accepted: 1, refused: 0, duplicates: 0, ignored: 0 })).toBe(
      "1 ligne : 1 à importer, 0 refusée, 0 déjà présente",
    );
    expect(countsText({ total: 0, accepted: 0, refused: 0, duplicates: 0, ignored: 0 })).toBe(
      "0 ligne : 0 à importer, 0 refusée, 0 déjà présente",
    );
    expect(countsText({ total: 5, accepted: 0, refused: 3, duplicates: 2, ignored: 0 })).toBe(
      "5 lignes : 0 à importer, 3 refusées, 2 déjà présentes",
    );
  });

  it("says what was done once imported", () => {
    expect(countsText({ total: 12, accepted: 9, refused: 2, duplicates: 1, ignored: 0 }, true)).toBe(
      "12 lignes : 9 importées, 2 refusées, 1 déjà présente",
    );
    expect(countsText({ total: 1, accepted: 1, refused: 0, duplicates: 0, ignored: 0 }, true)).toBe(
      "1 ligne : 1 importée, 0 refusée, 0 déjà présente",
    );
  });

  it("adds the lines left aside under the table, when there are some", () => {
    expect(countsText({ total: 5, accepted: 4, refused: 0, duplicates: 0, ignored: 1 })).toBe(
      "5 lignes : 4 à importer, 0 refusée, 0 déjà présente, 1 ignorée",
    );
    expect(countsText({ total: 7, accepted: 3, refused: 1, duplicates: 0, ignored: 3 }, true)).toBe(
      "7 lignes : 3 importées, 1 refusée, 0 déjà présente, 3 ignorées",
    );
  });

  it("groups thousands", () => {
    expect(countsText({ total: 1234, accepted: 1200, refused: 30, duplicates: 4, ignored: 0 })).toBe(
      `1${NNBSP}234 lignes : 1${NNBSP}200 à importer, 30 refusées, 4 déjà présentes`,
    );
  });

  it("labels the import button", () => {
    expect(runLabel(9)).toBe("Importer 9 réclamations");
    expect(runLabel(1)).toBe("Importer 1 réclamation");
    expect(runLabel(0)).toBe("Importer 0 réclamation");
  });
});

describe("filters", () => {
  it("selects rows by status or warnings", () => {
    const lines = (f: Parameters<typeof matchesFilter>[1]) => ROWS.filter((r) => matchesFilter(r, f)).map((r) => r.line);
    expect(lines("all")).toEqual([2, 3, 4, 5, 6, 7]);
    expect(lines("refused")).toEqual([4, 6]);
    expect(lines("warnings")).toEqual([3, 6]);
    expect(lines("duplicates")).toEqual([5]);
  });

  it("counts the rows of each filter", () => {
    expect(filterCounts(ROWS)).toEqual({ all: 6, refused: 2, warnings: 2, duplicates: 1 });
    expect(filterCounts([])).toEqual({ all: 0, refused: 0, warnings: 0, duplicates: 0 });
  });

  it("draws the first rows of a filter and counts the others", () => {
    const many = Array.from({ length: 450 }, (_, i) => row(i + 2, i % 3 === 0 ? "refused" : "accepted"));
    const all = visibleRows(many, "all");
    expect(all.rows).toHaveLength(200);
    expect(all.rows[0].line).toBe(2);
    expect(all.hidden).toBe(250);
    const refused = visibleRows(many, "refused");
    expect(refused.rows).toHaveLength(150);
    expect(refused.hidden).toBe(0);
    expect(visibleRows(ROWS, "refused", 1)).toEqual({ rows: [ROWS[2]], hidden: 1 });
  });

  it("announces the rows not drawn", () => {
    expect(moreRowsText(1)).toBe("… et 1 autre");
    expect(moreRowsText(250)).toBe("… et 250 autres");
    expect(moreRowsText(1500)).toBe(`… et 1${NNBSP}500 autres`);
  });
});

describe("row status labels", () => {
  it("before the import", () => {
    expect(rowStatusLabel("accepted")).toBe("À importer");
    expect(rowStatusLabel("refused")).toBe("Refusée");
    expect(rowStatusLabel("duplicate")).toBe("Déjà présente");
    expect(rowStatusLabel("ignored")).toBe("Ignorée");
  });

  it("after the import", () => {
    expect(rowStatusLabel("accepted", true)).toBe("Importée");
    expect(rowStatusLabel("refused", true)).toBe("Non importée");
    expect(rowStatusLabel("duplicate", true)).toBe("Déjà présente");
    expect(rowStatusLabel("ignored", true)).toBe("Ignorée");
  });
});

describe("problems", () => {
  const fields: FieldInfo[] = [
    { field: "clientName", label: "Client (nom)", required: true },
    { field: "receivedOn", label: "Reçue le", required: true },
    { field: "answerSummary", label: "Contenu de la réponse", required: false },
  ];

  it("keeps a message that already names its field", () => {
    expect(problemText({ field: "receivedOn", message: "Reçue le : date invalide « 32/01/2026 »" }, fields)).toBe(
      "Reçue le : date invalide « 32/01/2026 »",
    );
  });

  it("names the field of a register rule's message", () => {
    expect(problemText({ field: "receivedOn", message: "date dans le futur" }, fields)).toBe("Reçue le : date dans le futur");
    expect(problemText({ field: "client.name", message: "obligatoire" }, fields)).toBe("Client (nom) : obligatoire");
    expect(problemText({ field: "summary", message: "obligatoire" }, fields)).toBe("Contenu de la réponse : obligatoire");
  });

  it("leaves a message about no known field as it is", () => {
    const text = "le 05/01/2026 est antérieur à la réception de la réclamation (06/01/2026)";
    expect(problemText({ field: "on", message: text }, fields)).toBe(text);
  });
});

describe("references given", () => {
  it("orders references by year then number", () => {
    expect(compareReferences("REC-2026-0009", "REC-2026-0010")).toBeLessThan(0);
    expect(compareReferences("REC-2026-10000", "REC-2026-9999")).toBeGreaterThan(0);
    expect(compareReferences("REC-2025-0100", "REC-2026-0001")).toBeLessThan(0);
    expect(compareReferences("REC-2026-0001", "REC-2026-0001")).toBe(0);
  });

  it("gives the range of the accepted rows only", () => {
    expect(referenceRange(ROWS)).toEqual({ first: "REC-2026-0002", last: "REC-2026-0007", count: 3 });
    expect(referenceRange([row(4, "refused"), row(5, "duplicate")])).toBeNull();
    expect(referenceRange([])).toBeNull();
  });

  it("spans years in register order", () => {
    const rows = [
      row(2, "accepted", { reference: "REC-2026-0001" }),
      row(3, "accepted", { reference: "REC-2025-0120" }),
      row(4, "accepted", { reference: "REC-2025-0099" }),
    ];
    expect(referenceRange(rows)).toEqual({ first: "REC-2025-0099", last: "REC-2026-0001", count: 3 });
  });

  it("tells what was imported", () => {
    expect(importedText({ accepted: 3, rows: ROWS })).toBe(
      "3 réclamations importées (références REC-2026-0002 à REC-2026-0007)",
    );
    expect(importedText({ accepted: 1, rows: [row(2, "accepted")] })).toBe(
      "1 réclamation importée (référence REC-2026-0002)",
    );
    expect(importedText({ accepted: 0, rows: [row(4, "refused")] })).toBe("Aucune réclamation importée");
  });

  it("tells what was left aside", () => {
    expect(skippedText({ refused: 2, duplicates: 1, ignored: 0 })).toBe("Non importées : 2 lignes refusées, 1 déjà présente.");
    expect(skippedText({ refused: 1, duplicates: 0, ignored: 0 })).toBe("Non importée : 1 ligne refusée.");
    expect(skippedText({ refused: 0, duplicates: 3, ignored: 0 })).toBe("Non importées : 3 lignes déjà présentes.");
    expect(skippedText({ refused: 0, duplicates: 0, ignored: 0 })).toBe("Aucune ligne refusée ni déjà présente.");
    expect(skippedText({ refused: 0, duplicates: 0, ignored: 1 })).toBe(
      "Non importée : 1 ligne ignorée (total ou pied de tableau).",
    );
    expect(skippedText({ refused: 1, duplicates: 2, ignored: 2 })).toBe(
      "Non importées : 1 ligne refusée, 2 déjà présentes, 2 ignorées (total ou pied de tableau).",
    );
  });
});

describe("decisions the file does not give", () => {
  it("offers the core's decisions, and reads a select's value back", () => {
    expect(DECISION_OPTIONS).toEqual([
      { value: "upheld", label: "Fondée" },
      { value: "partial", label: "Partiellement fondée" },
      { value: "rejected", label: "Rejetée" },
    ]);
    expect(parseOutcome("rejected")).toBe("rejected");
    expect(parseOutcome("")).toBeNull();
    expect(parseOutcome("Rejetée")).toBeNull();
  });

  it("keeps the decisions chosen row by row, one change at a time", () => {
    const none = {};
    const one = withDecision(none, 9, "rejected");
    expect(one).toEqual({ 9: "rejected" });
    const two = withDecision(one, 12, "upheld");
    expect(two).toEqual({ 9: "rejected", 12: "upheld" });
    expect(withDecision(two, 9, "partial")).toEqual({ 9: "partial", 12: "upheld" });
    // Back to "the decision for all rows".
    expect(withDecision(two, 12, null)).toEqual({ 9: "rejected" });
    expect(withDecision(two, 40, null)).toEqual(two);
    // The inputs are not modified.
    expect(none).toEqual({});
    expect(one).toEqual({ 9: "rejected" });
  });

  it("remembers the lines that asked, also once decided", () => {
    // The first preview: line 9 asks.
    const first = decisionLines([], [row(6, "accepted"), undecided(9), row(11, "ignored")]);
    expect(first).toEqual([9]);
    // Line 9 decided, it is accepted and no longer asks: its select stays. Line 7 now asks too.
    const second = decisionLines(first, [row(6, "accepted"), undecided(7), row(9, "accepted")]);
    expect(second).toEqual([7, 9]);
    expect(decisionLines(second, [undecided(9), undecided(7)])).toEqual([7, 9]);
    expect(decisionLines([], [row(2, "refused")])).toEqual([]);
  });

  it("counts the rows still waiting for a decision", () => {
    expect(undecidedCount([row(6, "accepted"), undecided(9), undecided(10), row(11, "refused")])).toBe(2);
    expect(undecidedCount(ROWS)).toBe(0);
    expect(undecidedText(0)).toBe("Toutes les lignes ont une décision.");
    expect(undecidedText(1)).toBe(
      "1 ligne n'a pas de décision lisible dans sa réponse : choisissez-la sur sa ligne, ou pour toutes.",
    );
    expect(undecidedText(3)).toBe(
      "3 lignes n'ont pas de décision lisible dans leur réponse : choisissez-les ligne par ligne, ou pour toutes.",
    );
  });

  it("says what a row left undecided gets", () => {
    expect(rowDecisionPlaceholder(null)).toBe("— à choisir —");
    expect(rowDecisionPlaceholder("rejected")).toBe("— comme les autres : Rejetée —");
  });

  it("shows a decision problem as the core wrote it", () => {
    expect(problemText(undecided(9).problems[0], [])).toBe(
      "Décision : « Voir courrier du 28/11 » ne dit pas si la réclamation est fondée",
    );
  });
});

describe("progressText", () => {
  it("says the rows gone through and the share, in French", () => {
    expect(progressText(4200, 10000)).toBe("4\u202F200 lignes sur 10\u202F000 (42\u00A0%)");
    expect(progressText(1, 3)).toBe("1 ligne sur 3 (33\u00A0%)");
    expect(progressText(0, 0)).toBe("0 ligne sur 0 (0\u00A0%)");
  });
});
