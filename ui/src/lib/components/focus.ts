// Svelte actions for focus handling (the `autofocus` attribute is unreliable in
// a WebView and flagged by the a11y checker).

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
