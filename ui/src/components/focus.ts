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

/**
 * The ids of the date fields (DateInput) under `root` whose text is not a date, in page
 * order: they show their own message ("Le 31 février 2026 n'existe pas"), and their field
 * needs no "missing date" message on top of it.
 */
export function invalidDateInputIds(root: ParentNode | null | undefined): string[] {
  if (!root) return [];
  const ids: string[] = [];
  for (const input of root.querySelectorAll<HTMLInputElement>("input[data-date-input]")) {
    const kind = readDateText(input.value).kind;
    if ((kind === "impossible" || kind === "incomplete") && input.id !== "") ids.push(input.id);
  }
  return ids;
}

/**
 * After a form showed its errors (all at once): the first field flagged, in page order,
 * focused. A field is flagged by its `.field.has-error` wrapper or `aria-invalid="true"`.
 */
export function focusFirstInvalid(root: ParentNode | null | undefined): HTMLElement | null {
  if (!root) return null;
  const first = root.querySelector<HTMLElement>(
    [
      '.has-error input:not([type="hidden"])',
      ".has-error select",
      ".has-error textarea",
      'input[aria-invalid="true"]',
      'select[aria-invalid="true"]',
      'textarea[aria-invalid="true"]',
    ].join(", "),
  );
  first?.focus();
  return first;
}
