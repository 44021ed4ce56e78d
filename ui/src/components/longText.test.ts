import { describe, expect, it } from "vitest";
import { FOLDED_LENGTH, foldedText } from "./longText";

const words = (n: number) => Array.from({ length: n }, (_, i) => `mot${i % 10}`).join(" ");

describe("foldedText", () => {
  it("leaves a short text whole", () => {
    expect(foldedText("Cotisation prélevée deux fois")).toBeNull();
    expect(foldedText("x".repeat(FOLDED_LENGTH))).toBeNull();
    // A few lines more than the limit: folding would save nothing.
    expect(foldedText("x".repeat(FOLDED_LENGTH + 100))).toBeNull();
  });

  it("folds a long description to about 600 characters, between two words", () => {
    const text = words(2000); // ~10 000 characters
    const folded = foldedText(text);
    expect(folded).not.toBeNull();
    const shown = folded as string;
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(FOLDED_LENGTH + 1);
    expect(shown.length).toBeGreaterThan(FOLDED_LENGTH * 0.8);
    // Cut between words: the text shown is the text's beginning, the last word whole.
    const head = shown.slice(0, -1);
    expect(text.startsWith(head)).toBe(true);
    expect(text[head.length]).toBe(" ");
  });

  it("cuts a text without blanks at the limit", () => {
    expect(foldedText("a".repeat(100), 10)).toBe(`${"a".repeat(10)}…`);
  });

  it("drops the punctuation left at the cut", () => {
    const text = `${"a".repeat(8)}, ${"b".repeat(50)}`;
    expect(foldedText(text, 10)).toBe(`${"a".repeat(8)}…`);
  });

  it("never cuts an emoji in two", () => {
    const text = "😀".repeat(40);
    expect(foldedText(text, 10)).toBe(`${"😀".repeat(10)}…`);
  });
});
