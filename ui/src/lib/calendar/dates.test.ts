import { describe, expect, it } from "vitest";
import { compareIsoDates, isIsoDate, isoYear } from "./dates";

describe("isIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2026-05-07")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("07/05/2026")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});

describe("compareIsoDates / isoYear", () => {
  it("compares lexically", () => {
    expect(compareIsoDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareIsoDates("2026-01-02", "2026-01-02")).toBe(0);
    expect(compareIsoDates("2027-01-01", "2026-12-31")).toBe(1);
    expect(isoYear("2026-05-07")).toBe(2026);
    expect(isoYear("x")).toBeNull();
  });
});
