// Global keyboard shortcuts, as a pure function of the key event so it can be tested.

export type ShortcutCommand =
  | "today"
  | "register"
  | "correctiveActions"
  | "stats"
  | "new"
  | "settings"
  | "search"
  /** F1: the help ("Aide"). */
  | "help";

export interface KeyLike {
  key: string;
  /** Physical key ("KeyN"): Alt+letter on macOS types a symbol, the code stays. */
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

const ALT_LETTERS: Readonly<Record<string, ShortcutCommand>> = {
  t: "today",
  r: "register",
  c: "correctiveActions",
  s: "stats",
  n: "new",
  p: "settings",
};

/**
 * Alt+T / Alt+R / Alt+C / Alt+S / Alt+N / Alt+P navigate from anywhere; F1 asks for the help,
 * from anywhere too; "/" focuses the register search unless the user is typing in a field.
 */
export function shortcutFor(e: KeyLike, typingInField: boolean): ShortcutCommand | null {
  if (e.key === "F1" && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) return "help";
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    const fromCode = e.code && /^Key[A-Z]$/.test(e.code) ? e.code.slice(3).toLowerCase() : null;
    const letter = fromCode ?? e.key.toLowerCase();
    return ALT_LETTERS[letter] ?? null;
  }
  if (e.key === "/" && !e.altKey && !e.ctrlKey && !e.metaKey && !typingInField) return "search";
  return null;
}

/** Ctrl+Enter (Cmd+Enter on macOS) submits the current form. */
export function isSubmitChord(e: KeyLike): boolean {
  return e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.altKey;
}

/** True when keystrokes go to a text field (so "/" must be typed, not intercepted). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
  }
  return false;
}
