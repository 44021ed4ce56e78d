import { describe, expect, it } from "vitest";
import {
  UNEXPECTED_ERROR,
  errorSentence,
  errorText,
  formatDateOrTime,
  formatDateTime,
  formatFileSize,
  formatPercent,
  parseAmountInput,
  shortHash,
} from "./format";

describe("parseAmountInput", () => {
  it("accepts French and dotted amounts", () => {
    expect(parseAmountInput("150,50")).toBe("150.50");
    expect(parseAmountInput("150.5")).toBe("150.50");
    expect(parseAmountInput("150")).toBe("150.00");
    expect(parseAmountInput(" 1 234,56 € ")).toBe("1234.56");
    expect(parseAmountInput("1\u202F234,5\u00A0€")).toBe("1234.50");
    expect(parseAmountInput("007,1")).toBe("7.10");
  });

  it("maps empty to null and garbage to undefined", () => {
    expect(parseAmountInput("")).toBeNull();
    expect(parseAmountInput("   ")).toBeNull();
    expect(parseAmountInput("abc")).toBeUndefined();
    expect(parseAmountInput("1,234")).toBeUndefined();
    expect(parseAmountInput("-5")).toBeUndefined();
    expect(parseAmountInput("1,2,3")).toBeUndefined();
  });
});

describe("formatPercent", () => {
  it("shows a dash when there is no data", () => {
    expect(formatPercent(null)).toBe("—");
  });
  it("uses a French decimal comma", () => {
    expect(formatPercent(87.5)).toBe("87,5\u202F%");
    expect(formatPercent(66.666)).toBe("66,7\u202F%");
  });
  it("always shows one decimal, so that shares side by side read alike", () => {
    expect(formatPercent(100)).toBe("100,0\u202F%");
    expect(formatPercent(15)).toBe("15,0\u202F%");
    expect(formatPercent(13.6)).toBe("13,6\u202F%");
    expect(formatPercent(0)).toBe("0,0\u202F%");
    expect(formatPercent(0.05)).toBe("0,1\u202F%");
    expect(formatPercent(99.96)).toBe("100,0\u202F%");
    expect(formatPercent(-0.01)).toBe("0,0\u202F%");
    expect(formatPercent(-2.5)).toBe("-2,5\u202F%");
    expect(formatPercent(Number.NaN)).toBe("—");
  });
});

describe("formatFileSize", () => {
  it("uses French units", () => {
    expect(formatFileSize(820)).toBe("820\u00A0o");
    expect(formatFileSize(12_595)).toBe("12,3\u00A0Ko");
    expect(formatFileSize(4_718_592)).toBe("4,5\u00A0Mo");
    expect(formatFileSize(300 * 1024)).toBe("300\u00A0Ko");
  });
});

describe("formatDateTime", () => {
  it("formats in local time as dd/mm/yyyy à hh:mm", () => {
    const d = new Date(2026, 4, 7, 9, 5);
    expect(formatDateTime(d.toISOString())).toBe("07/05/2026 à 09:05");
  });
  it("returns garbage unchanged", () => {
    expect(formatDateTime("hier")).toBe("hier");
  });
  it("formatDateOrTime picks the right one", () => {
    expect(formatDateOrTime("2026-05-07")).toBe("07/05/2026");
    expect(formatDateOrTime(new Date(2026, 0, 2, 14, 30).toISOString())).toBe("02/01/2026 à 14:30");
  });
});

describe("shortHash", () => {
  it("keeps the first 12 characters", () => {
    expect(shortHash("0123456789abcdef0123")).toBe("0123456789ab");
  });
});

describe("errorText", () => {
  it("shows the core's refusals as they are", () => {
    expect(errorText({ code: "validation", message: "date dans le futur", field: "on" })).toBe("date dans le futur");
    expect(errorText({ code: "database", message: " Base verrouillée " })).toBe("Base verrouillée");
  });

  it("wraps anything else in one French sentence, once", () => {
    expect(errorText({ code: "unknown", message: "TypeError: x is undefined" })).toBe(
      `${UNEXPECTED_ERROR}\u00A0: TypeError: x is undefined`,
    );
    expect(errorText(new Error("dialog closed unexpectedly"))).toBe(`${UNEXPECTED_ERROR}\u00A0: dialog closed unexpectedly`);
    expect(errorText("Permission denied")).toBe(`${UNEXPECTED_ERROR}\u00A0: Permission denied`);
    expect(errorText({ status: 500 })).toBe(`${UNEXPECTED_ERROR}\u00A0: {"status":500}`);
    expect(errorText(undefined)).toBe(`${UNEXPECTED_ERROR}.`);
    expect(errorText({ code: "validation", message: "  " })).toBe(`${UNEXPECTED_ERROR}.`);
    const once = errorText("boom");
    expect(errorText({ code: "unknown", message: once })).toBe(once);
  });
});

describe("errorSentence", () => {
  it("capitalises the message for a banner", () => {
    expect(errorSentence({ code: "database", message: "base verrouillée" })).toBe("Base verrouillée");
    expect(errorSentence({ code: "notFound", message: "Réclamation inconnue" })).toBe("Réclamation inconnue");
    expect(errorSentence("oops")).toBe(`${UNEXPECTED_ERROR}\u00A0: oops`);
  });
});
