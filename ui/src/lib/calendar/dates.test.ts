import { describe, expect, it } from "vitest";
import {
  addDays,
  compareIsoDates,
  dateForKey,
  expandTwoDigitYear,
  isIsoDate,
  isoYear,
  localIsoDate,
  parseFrenchDate,
  readDateText,
  toFrenchDate,
  type DateKeyLike,
} from "./dates";

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

describe("parseFrenchDate: accepted forms", () => {
  it.each([
    ["22/11/2026", "2026-11-22"],
    ["22-11-2026", "2026-11-22"],
    ["22.11.2026", "2026-11-22"],
    ["22 11 2026", "2026-11-22"],
    ["22 / 11 / 2026", "2026-11-22"],
    ["22/11/26", "2026-11-22"],
    ["22.11.26", "2026-11-22"],
    ["22112026", "2026-11-22"],
    ["221126", "2026-11-22"],
    ["2026-11-22", "2026-11-22"],
    ["2026/11/22", "2026-11-22"],
    ["2026-1-5", "2026-01-05"],
    ["1/2/2026", "2026-02-01"],
    ["01/02/2026", "2026-02-01"],
    ["9/12/2026", "2026-12-09"],
    ["31/12/2026", "2026-12-31"],
    ["1/1/1999", "1999-01-01"],
  ])("%s -> %s", (text, iso) => {
    expect(parseFrenchDate(text)).toBe(iso);
  });

  it("ignores surrounding whitespace, including French non-breaking spaces", () => {
    expect(parseFrenchDate("  22/11/2026  ")).toBe("2026-11-22");
    expect(parseFrenchDate("\t22/11/2026\n")).toBe("2026-11-22");
    expect(parseFrenchDate("\u00a022/11/2026\u202f")).toBe("2026-11-22");
  });

  it("reads day first, never month first", () => {
    expect(parseFrenchDate("03/04/2026")).toBe("2026-04-03");
    expect(parseFrenchDate("11/22/2026")).toBeNull();
  });
});

describe("parseFrenchDate: two-digit years", () => {
  it("00-69 are 20xx, 70-99 are 19xx", () => {
    expect(parseFrenchDate("01/01/00")).toBe("2000-01-01");
    expect(parseFrenchDate("01/01/26")).toBe("2026-01-01");
    expect(parseFrenchDate("01/01/69")).toBe("2069-01-01");
    expect(parseFrenchDate("01/01/70")).toBe("1970-01-01");
    expect(parseFrenchDate("01/01/99")).toBe("1999-01-01");
    expect(expandTwoDigitYear(0)).toBe(2000);
    expect(expandTwoDigitYear(69)).toBe(2069);
    expect(expandTwoDigitYear(70)).toBe(1970);
    expect(expandTwoDigitYear(99)).toBe(1999);
  });

  it("can be refused while the user is still typing", () => {
    expect(readDateText("22/11/20", { twoDigitYears: false })).toEqual({ kind: "incomplete" });
    expect(readDateText("221126", { twoDigitYears: false })).toEqual({ kind: "incomplete" });
    expect(readDateText("22/11/2026", { twoDigitYears: false })).toEqual({ kind: "date", iso: "2026-11-22" });
    expect(readDateText("22112026", { twoDigitYears: false })).toEqual({ kind: "date", iso: "2026-11-22" });
    expect(parseFrenchDate("22/11/26", { twoDigitYears: false })).toBeNull();
  });
});

describe("parseFrenchDate: impossible dates are not corrected", () => {
  it.each([
    "31/02/2026",
    "30/02/2024",
    "29/02/2027",
    "29/02/2100",
    "31/04/2026",
    "31/06/2026",
    "31/09/2026",
    "31/11/2026",
    "00/01/2026",
    "32/01/2026",
    "15/13/2026",
    "15/00/2026",
    "2026-02-30",
    "2026-13-01",
    "31022026",
    "22/11/0026",
    "29/02/27",
  ])("%s", (text) => {
    expect(parseFrenchDate(text)).toBeNull();
    expect(readDateText(text)).toEqual({ kind: "impossible" });
  });

  it("knows the leap years (every 4 years, not centuries, but every 400 years)", () => {
    expect(parseFrenchDate("29/02/2024")).toBe("2024-02-29");
    expect(parseFrenchDate("29/02/2028")).toBe("2028-02-29");
    expect(parseFrenchDate("29/02/2000")).toBe("2000-02-29");
    expect(parseFrenchDate("29/02/2100")).toBeNull();
    expect(parseFrenchDate("29/02/1900")).toBeNull();
    expect(parseFrenchDate("29/02/2026")).toBeNull();
    expect(parseFrenchDate("29/02/24")).toBe("2024-02-29");
    expect(parseFrenchDate("29/02/00")).toBe("2000-02-29");
  });
});

describe("readDateText: empty, incomplete, garbage", () => {
  it("empty or blank", () => {
    expect(readDateText("")).toEqual({ kind: "empty" });
    expect(readDateText("   ")).toEqual({ kind: "empty" });
    expect(readDateText("\u00a0")).toEqual({ kind: "empty" });
    expect(parseFrenchDate("")).toBeNull();
  });

  it.each([
    "2",
    "22",
    "22/",
    "22/11",
    "22/11/",
    "22/11/2",
    "22/11/202",
    "22/11/20261",
    "2211202",
    "221120261",
    "2026-11",
    "22//11/2026",
    "22/11/2026/",
    "le 22/11/2026",
    "22 novembre 2026",
    "aujourd'hui",
    "jj/mm/aaaa",
    "22/11/2026 10:30",
    "-22/11/2026",
    "22,11,2026",
    "２２/１１/２０２６",
  ])("%s is not a date", (text) => {
    expect(readDateText(text)).toEqual({ kind: "incomplete" });
    expect(parseFrenchDate(text)).toBeNull();
  });
});

describe("toFrenchDate", () => {
  it("formats real ISO dates with leading zeros", () => {
    expect(toFrenchDate("2026-11-22")).toBe("22/11/2026");
    expect(toFrenchDate("2026-01-05")).toBe("05/01/2026");
    expect(toFrenchDate("2024-02-29")).toBe("29/02/2024");
  });

  it("returns an empty string for anything else", () => {
    expect(toFrenchDate("")).toBe("");
    expect(toFrenchDate("2026-02-30")).toBe("");
    expect(toFrenchDate("22/11/2026")).toBe("");
    expect(toFrenchDate("2026-11-22T10:00:00Z")).toBe("");
  });

  it("round-trips with parseFrenchDate", () => {
    for (const iso of ["2026-11-22", "2000-02-29", "1999-12-31", "2069-01-01"]) {
      expect(parseFrenchDate(toFrenchDate(iso))).toBe(iso);
    }
  });
});

describe("addDays", () => {
  it("moves across months, years and February", () => {
    expect(addDays("2026-11-22", 1)).toBe("2026-11-23");
    expect(addDays("2026-11-22", -1)).toBe("2026-11-21");
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-01-31", 30)).toBe("2026-03-02");
    expect(addDays("2026-05-07", 0)).toBe("2026-05-07");
  });

  it("is not affected by daylight saving changes", () => {
    expect(addDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30");
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addDays("2026-10-25", -1)).toBe("2026-10-24");
  });

  it("refuses what is not a date", () => {
    expect(() => addDays("", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-11-22", 0.5)).toThrow(RangeError);
  });
});

describe("localIsoDate", () => {
  it("is the local calendar date", () => {
    expect(localIsoDate(new Date(2026, 10, 22, 23, 59))).toBe("2026-11-22");
    expect(localIsoDate(new Date(2026, 0, 5, 0, 0))).toBe("2026-01-05");
    expect(isIsoDate(localIsoDate())).toBe(true);
  });
});

describe("dateForKey", () => {
  const TODAY = "2026-11-22";
  const key = (k: string, mods: Partial<DateKeyLike> = {}): DateKeyLike => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    ...mods,
  });

  it("T and A set today", () => {
    expect(dateForKey(key("t"), "", TODAY)).toBe(TODAY);
    expect(dateForKey(key("T", { shiftKey: true }), "01/01/2020", TODAY)).toBe(TODAY);
    expect(dateForKey(key("a"), "garbage", TODAY)).toBe(TODAY);
    expect(dateForKey(key("A", { shiftKey: true }), "", TODAY)).toBe(TODAY);
  });

  it("arrows move the typed date by one day", () => {
    expect(dateForKey(key("ArrowUp"), "22/11/2026", TODAY)).toBe("2026-11-23");
    expect(dateForKey(key("ArrowDown"), "22/11/2026", TODAY)).toBe("2026-11-21");
    expect(dateForKey(key("ArrowUp"), "31/12/26", TODAY)).toBe("2027-01-01");
    expect(dateForKey(key("ArrowDown"), "1/3/2024", TODAY)).toBe("2024-02-29");
  });

  it("arrows start from today when there is no valid date", () => {
    expect(dateForKey(key("ArrowUp"), "", TODAY)).toBe(TODAY);
    expect(dateForKey(key("ArrowDown"), "31/02/2026", TODAY)).toBe(TODAY);
    expect(dateForKey(key("ArrowDown"), "22/11", TODAY)).toBe(TODAY);
  });

  it("leaves other keys and chords alone", () => {
    expect(dateForKey(key("1"), "", TODAY)).toBeNull();
    expect(dateForKey(key("/"), "", TODAY)).toBeNull();
    expect(dateForKey(key("Tab"), "", TODAY)).toBeNull();
    expect(dateForKey(key("Enter"), "", TODAY)).toBeNull();
    expect(dateForKey(key("ArrowLeft"), "22/11/2026", TODAY)).toBeNull();
    expect(dateForKey(key("t", { altKey: true }), "", TODAY)).toBeNull();
    expect(dateForKey(key("a", { ctrlKey: true }), "22/11/2026", TODAY)).toBeNull();
    expect(dateForKey(key("a", { metaKey: true }), "22/11/2026", TODAY)).toBeNull();
    expect(dateForKey(key("ArrowUp", { shiftKey: true }), "22/11/2026", TODAY)).toBeNull();
    expect(dateForKey(key("t", { isComposing: true }), "", TODAY)).toBeNull();
  });
});
