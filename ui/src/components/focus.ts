// Svelte actions for focus handling (the `autofocus` attribute is unreliable in
// a WebView and flagged by the a11y checker).
import { readDateText } from "../lib/calendar/dates";

/** Focus the element once it is mounted. */
export function focusOnMount(node: HTMLElement, enabled: boolean = true): void {
  if (enabled) queueMicrotask(() => node.focus());
}

/** Focus the input of a wire field, e.g. after an error. */
export function focusById(id: string | null): void {
  if (!id) return;
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) el.focus();
}

/**
 * Before saving a form: the first date field (DateInput) under `root` whose text is not
 * a date ("31/02/2026", "22/11/2"), focused, or null. Such a field binds "" and shows
 * "Date invalide" (it has been left, or Enter pressed, before any save): saving would
 * silently drop the date the user typed, or have the backend refuse an empty one.
 */
export function focusInvalidDate(root: ParentNode | null | undefined): HTMLInputElement | null {
  if (!root) return null;
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-date-input]")) {
    const kind = readDateText(input.value).kind;
    if (kind === "impossible" || kind === "incomplete") {
      input.focus();
      return input;
    }
  }
  return null;
}
