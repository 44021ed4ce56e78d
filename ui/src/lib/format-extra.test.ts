import { describe, expect, it } from "vitest";
import { formatDateOrTime, formatDateTime, formatFileSize, formatPercent, parseAmountInput, shortHash } from "./format";

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
    expect(formatPercent(100)).toBe("100\u202F%");
    expect(formatPercent(87.5)).toBe("87,5\u202F%");
    expect(formatPercent(66.666)).toBe("66,7\u202F%");
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
