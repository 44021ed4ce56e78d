import { describe, expect, it } from "vitest";
import { searchKeyAction, type SearchKeyLike } from "./keyboard";

const key = (k: string, more: Partial<SearchKeyLike> = {}): SearchKeyLike => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...more,
});

const ROWS = ["REC-2026-0003", "REC-2026-0002", "REC-2026-0001"];

describe("searchKeyAction", () => {
  it("Enter opens the only complaint found", () => {
    expect(searchKeyAction(key("Enter"), -1, ["REC-2026-0007"])).toEqual({ kind: "open", reference: "REC-2026-0007" });
  });

  it("Enter does nothing among several rows until one is highlighted", () => {
    expect(searchKeyAction(key("Enter"), -1, ROWS)).toEqual({ kind: "none" });
    expect(searchKeyAction(key("Enter"), -1, [])).toEqual({ kind: "none" });
    expect(searchKeyAction(key("Enter"), 1, ROWS)).toEqual({ kind: "open", reference: "REC-2026-0002" });
  });

  it("the arrows move the highlight, within the rows", () => {
    expect(searchKeyAction(key("ArrowDown"), -1, ROWS)).toEqual({ kind: "highlight", index: 0 });
    expect(searchKeyAction(key("ArrowDown"), 0, ROWS)).toEqual({ kind: "highlight", index: 1 });
    expect(searchKeyAction(key("ArrowDown"), 2, ROWS)).toEqual({ kind: "highlight", index: 2 });
    expect(searchKeyAction(key("ArrowUp"), 2, ROWS)).toEqual({ kind: "highlight", index: 1 });
    // Up from the first row: back to the search box alone.
    expect(searchKeyAction(key("ArrowUp"), 0, ROWS)).toEqual({ kind: "highlight", index: -1 });
    expect(searchKeyAction(key("ArrowUp"), -1, ROWS)).toEqual({ kind: "none" });
    expect(searchKeyAction(key("ArrowDown"), -1, [])).toEqual({ kind: "none" });
  });

  it("a highlight beyond the rows (the list changed) counts as none", () => {
    expect(searchKeyAction(key("ArrowDown"), 5, ROWS)).toEqual({ kind: "highlight", index: 0 });
    expect(searchKeyAction(key("Enter"), 5, ROWS)).toEqual({ kind: "none" });
  });

  it("Escape drops the highlight, then leaves the key to the box", () => {
    expect(searchKeyAction(key("Escape"), 1, ROWS)).toEqual({ kind: "highlight", index: -1 });
    expect(searchKeyAction(key("Escape"), -1, ROWS)).toEqual({ kind: "none" });
  });

  it("leaves chords and other keys alone", () => {
    expect(searchKeyAction(key("Enter", { ctrlKey: true }), -1, ["REC-2026-0007"])).toEqual({ kind: "none" });
    expect(searchKeyAction(key("ArrowDown", { altKey: true }), -1, ROWS)).toEqual({ kind: "none" });
    expect(searchKeyAction(key("ArrowDown", { shiftKey: true }), -1, ROWS)).toEqual({ kind: "none" });
    expect(searchKeyAction(key("Enter", { isComposing: true }), -1, ["REC-2026-0007"])).toEqual({ kind: "none" });
    expect(searchKeyAction(key("a"), -1, ROWS)).toEqual({ kind: "none" });
  });
});
