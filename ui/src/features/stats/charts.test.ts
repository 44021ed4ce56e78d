import { describe, expect, it } from "vitest";
import type { Count } from "../../lib/backend/types";
import {
  barChartHeight,
  chartRows,
  chartSummary,
  countTooltip,
  outcomeItems,
  shortLabel,
  totalOf,
} from "./charts";

const rows = (n: number): Count[] =>
  Array.from({ length: n }, (_, i) => ({ label: `Produit ${i + 1}`, count: 100 - i * 5 }));

describe("chartRows", () => {
  it("draws every row when there are few", () => {
    expect(chartRows(rows(3))).toEqual([
      { label: "Produit 1", count: 100 },
      { label: "Produit 2", count: 95 },
      { label: "Produit 3", count: 90 },
    ]);
    expect(chartRows(rows(10))).toHaveLength(10);
    expect(chartRows([])).toEqual([]);
  });

  it("groups the smallest rows beyond the maximum", () => {
    const drawn = chartRows(rows(13));
    expect(drawn).toHaveLength(10);
    expect(drawn[8]).toEqual({ label: "Produit 9", count: 60 });
    // Rows 10 to 13: 55 + 50 + 45 + 40.
    expect(drawn[9]).toEqual({ label: "Autres (4)", count: 190 });
    // Nothing is lost.
    expect(totalOf(drawn)).toBe(rows(13).reduce((s, r) => s + r.count, 0));
  });

  it("honours a smaller maximum", () => {
    expect(chartRows(rows(4), 3)).toEqual([
      { label: "Produit 1", count: 100 },
      { label: "Produit 2", count: 95 },
      { label: "Autres (2)", count: 175 },
    ]);
  });
});

describe("sizes and labels", () => {
  it("grows with the number of bars, with a floor", () => {
    expect(barChartHeight(0)).toBe(80);
    expect(barChartHeight(1)).toBe(80);
    expect(barChartHeight(4)).toBe(140);
    expect(barChartHeight(10)).toBe(296);
  });

  it("cuts long axis labels", () => {
    expect(shortLabel("Résiliation")).toBe("Résiliation");
    expect(shortLabel("Devoir de conseil / information")).toBe("Devoir de conseil / inf…");
    expect(Array.from(shortLabel("Devoir de conseil / information"))).toHaveLength(24);
    expect(shortLabel("Cotisations / facturation", 13)).toBe("Cotisations…");
  });
});

describe("French texts", () => {
  it("tooltips give the count and the share", () => {
    expect(countTooltip(3, 7)).toBe("3 réclamations (42,9\u202F%)");
    expect(countTooltip(1, 1)).toBe("1 réclamation (100,0\u202F%)");
    expect(countTooltip(1500, 3000)).toBe("1\u202F500 réclamations (50,0\u202F%)");
    expect(countTooltip(0, 0)).toBe("0 réclamation");
  });

  it("summaries read the data", () => {
    expect(
      chartSummary("Réclamations reçues par objet", [
        { label: "Résiliation", count: 2 },
        { label: "Cotisations / facturation", count: 1 },
      ]),
    ).toBe("Réclamations reçues par objet\u00A0: Résiliation 2, Cotisations / facturation 1.");
    expect(chartSummary("Issue des réponses", [])).toBe("Issue des réponses\u00A0: aucune donnée.");
  });

  it("outcomes in the order Fondée, Partiellement fondée, Rejetée", () => {
    expect(outcomeItems({ upheld: 4, partial: 1, rejected: 2 })).toEqual([
      { label: "Fondée", count: 4 },
      { label: "Partiellement fondée", count: 1 },
      { label: "Rejetée", count: 2 },
    ]);
  });
});
