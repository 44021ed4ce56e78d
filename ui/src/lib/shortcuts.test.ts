import { describe, expect, it } from "vitest";
import { isSubmitChord, shortcutFor, type KeyLike } from "./shortcuts";

const key = (k: Partial<KeyLike>): KeyLike => ({
  key: "",
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...k,
});

describe("shortcutFor", () => {
  it("Alt+T / Alt+R / Alt+C / Alt+S / Alt+N navigate, even while typing", () => {
    expect(shortcutFor(key({ key: "t", code: "KeyT", altKey: true }), false)).toBe("today");
    expect(shortcutFor(key({ key: "r", code: "KeyR", altKey: true }), true)).toBe("register");
    expect(shortcutFor(key({ key: "n", code: "KeyN", altKey: true }), true)).toBe("new");
    expect(shortcutFor(key({ key: "s", code: "KeyS", altKey: true }), true)).toBe("stats");
    expect(shortcutFor(key({ key: "c", code: "KeyC", altKey: true }), true)).toBe("correctiveActions");
  });

  it("Alt+P opens the settings (Paramètres), even while typing", () => {
    expect(shortcutFor(key({ key: "p", code: "KeyP", altKey: true }), false)).toBe("settings");
    expect(shortcutFor(key({ key: "π", code: "KeyP", altKey: true }), true)).toBe("settings");
    expect(shortcutFor(key({ key: "p", code: "KeyP", altKey: true, ctrlKey: true }), false)).toBeNull();
  });

  it("F1 asks for the help, alone and from anywhere", () => {
    expect(shortcutFor(key({ key: "F1", code: "F1" }), false)).toBe("help");
    expect(shortcutFor(key({ key: "F1", code: "F1" }), true)).toBe("help");
    expect(shortcutFor(key({ key: "F1", code: "F1", shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "F1", code: "F1", ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "F1", code: "F1", altKey: true }), false)).toBeNull();
  });

  it("uses the physical key when Alt types a symbol (macOS)", () => {
    expect(shortcutFor(key({ key: "˜", code: "KeyN", altKey: true }), false)).toBe("new");
    expect(shortcutFor(key({ key: "N", altKey: true }), false)).toBe("new");
    // Alt+C types "ç" on a French macOS keyboard.
    expect(shortcutFor(key({ key: "ç", code: "KeyC", altKey: true }), false)).toBe("correctiveActions");
  });

  it("ignores other chords", () => {
    expect(shortcutFor(key({ key: "x", code: "KeyX", altKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", code: "KeyN", altKey: true, ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", code: "KeyN", altKey: true, shiftKey: true }), false)).toBeNull();
    expect(shortcutFor(key({ key: "n", code: "KeyN" }), false)).toBeNull();
  });

  it('"/" focuses the search unless typing in a field', () => {
    expect(shortcutFor(key({ key: "/" }), false)).toBe("search");
    expect(shortcutFor(key({ key: "/" }), true)).toBeNull();
    expect(shortcutFor(key({ key: "/", ctrlKey: true }), false)).toBeNull();
  });
});

describe("isSubmitChord", () => {
  it("Ctrl+Enter or Cmd+Enter", () => {
    expect(isSubmitChord(key({ key: "Enter", ctrlKey: true }))).toBe(true);
    expect(isSubmitChord(key({ key: "Enter", metaKey: true }))).toBe(true);
    expect(isSubmitChord(key({ key: "Enter" }))).toBe(false);
    expect(isSubmitChord(key({ key: "Enter", ctrlKey: true, altKey: true }))).toBe(false);
  });
});
