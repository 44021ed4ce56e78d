import { describe, expect, it } from "vitest";
import type { PlatformScore } from "../../lib/backend/types";
import { COMBINED_NOTE, formatMeanRating, formatMedianDays, platformFigures } from "./platform";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

const SCORE: PlatformScore = {
  received: 1234,
  responseRatePct: 87.5,
  medianDaysToAnswer: 5,
  answeredQuicklyPct: 60,
  resolvedPct: 33.3,
  combinedPct: 60.3,
  meanRating: 4,
  public: 3,
  escalated: 1,
};

describe("formatMedianDays", () => {
  it("writes the days, or a dash when nothing was answered", () => {
    expect(formatMedianDays(5)).toBe(`5${NBSP}j`);
    expect(formatMedianDays(0)).toBe(`0${NBSP}j`);
    expect(formatMedianDays(null)).toBe("—");
  });
});

describe("formatMeanRating", () => {
  it("keeps one decimal, with a comma", () => {
    expect(formatMeanRating(4.25)).toBe("4,3/5");
    expect(formatMeanRating(4)).toBe("4,0/5");
    expect(formatMeanRating(null)).toBe("—");
  });
});

describe("platformFigures", () => {
  it("lists the nine figures, formatted the French way", () => {
    const figures = platformFigures(SCORE);
    expect(figures.map((f) => [f.label, f.value])).toEqual([
      ["Réclamations reçues par une plateforme", `1${NNBSP}234`],
      ["Taux de réponse", `87,5${NNBSP}%`],
      ["Délai de réponse médian", `5${NBSP}j`],
      [`Répondues sous 7${NBSP}jours`, `60,0${NNBSP}%`],
      ["Résolues (retour du client)", `33,3${NNBSP}%`],
      ["Indice combiné", `60,3${NNBSP}%`],
      ["Note moyenne", "4,0/5"],
      ["Plaintes publiques", "3"],
      ["Transmises au service juridique", "1"],
    ]);
    expect(figures.find((f) => f.label === "Indice combiné")?.note).toBe(COMBINED_NOTE);
    expect(new Set(figures.map((f) => f.id)).size).toBe(figures.length);
  });

  it("shows a dash for the figures the period cannot give", () => {
    const figures = platformFigures({
      ...SCORE,
      responseRatePct: null,
      medianDaysToAnswer: null,
      answeredQuicklyPct: null,
      resolvedPct: null,
      combinedPct: null,
      meanRating: null,
    });
    expect(figures.slice(1, 7).map((f) => f.value)).toEqual(["—", "—", "—", "—", "—", "—"]);
  });
});
