import { describe, expect, it } from "vitest";
import {
  baseName,
  buildExtractQuery,
  defaultPeriod,
  emptyStatsFilters,
  extractFileName,
  hasFilters,
  matchingPreset,
  periodPresets,
  shareOf,
} from "./extract";

describe("periods", () => {
  it("defaults to 1 January of the current year to today", () => {
    expect(defaultPeriod("2026-05-07")).toEqual({ from: "2026-01-01", to: "2026-05-07" });
  });

  it("computes the presets from a given today", () => {
    const presets = periodPresets("2026-05-07");
    expect(presets.map((p) => p.label)).toEqual(["Cette année", "Année dernière", "12 derniers mois"]);
    expect(presets[0].period).toEqual({ from: "2026-01-01", to: "2026-05-07" });
    expect(presets[1].period).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(presets[2].period).toEqual({ from: "2025-05-08", to: "2026-05-07" });
  });

  it("12 derniers mois across year ends and leap days", () => {
    expect(periodPresets("2026-12-31")[2].period).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodPresets("2026-01-01")[2].period).toEqual({ from: "2025-01-02", to: "2026-01-01" });
    expect(periodPresets("2028-02-29")[2].period).toEqual({ from: "2027-03-01", to: "2028-02-29" });
    expect(periodPresets("2027-02-28")[2].period).toEqual({ from: "2026-03-01", to: "2027-02-28" });
  });

  it("no presets without a valid today", () => {
    expect(periodPresets("")).toEqual([]);
  });

  it("finds the preset matching a period", () => {
    const presets = periodPresets("2026-05-07");
    expect(matchingPreset(presets, { from: "2025-01-01", to: "2025-12-31" })).toBe("lastYear");
    expect(matchingPreset(presets, { from: "2025-01-01", to: "2025-12-30" })).toBeNull();
  });
});

describe("buildExtractQuery", () => {
  const period = { from: "2026-01-01", to: "2026-05-07" };

  it("omits empty filters", () => {
    expect(buildExtractQuery(period, emptyStatsFilters())).toEqual(period);
    const q = buildExtractQuery(period, { ...emptyStatsFilters(), product: "   ", handler: "" });
    expect(Object.keys(q).sort()).toEqual(["from", "to"]);
    expect(hasFilters({ ...emptyStatsFilters(), insurer: " " })).toBe(false);
  });

  it("keeps set filters, trimmed", () => {
    const q = buildExtractQuery(period, {
      status: "closed",
      subject: "claimSettlement",
      channel: "email",
      product: " Auto ",
      insurer: "AXA",
      handler: " Claire Martin",
    });
    expect(q).toEqual({
      from: "2026-01-01",
      to: "2026-05-07",
      status: "closed",
      subject: "claimSettlement",
      channel: "email",
      product: "Auto",
      insurer: "AXA",
      handler: "Claire Martin",
    });
    expect(hasFilters({ ...emptyStatsFilters(), channel: "phone" })).toBe(true);
  });
});

describe("export file names", () => {
  it("names the file after the period and format", () => {
    const p = { from: "2026-01-01", to: "2026-12-31" };
    expect(extractFileName(p, "pdf")).toBe("registre-2026-01-01-2026-12-31.pdf");
    expect(extractFileName(p, "csv")).toBe("registre-2026-01-01-2026-12-31.csv");
    expect(extractFileName(p, "xlsx")).toBe("registre-2026-01-01-2026-12-31.xlsx");
  });

  it("baseName handles both separators", () => {
    expect(baseName("/home/a/registre.pdf")).toBe("registre.pdf");
    expect(baseName("C:\\Users\\a\\registre.csv")).toBe("registre.csv");
    expect(baseName("registre.xlsx")).toBe("registre.xlsx");
  });
});

describe("shares", () => {
  it("shareOf is a percentage, null without a total", () => {
    expect(shareOf(1, 4)).toBe(25);
    expect(shareOf(1, 0)).toBeNull();
  });
});
