// Svelte action: Ctrl+Enter submits a form from any of its fields, Escape cancels.
// (An action rather than an onkeydown attribute: the listener sits on the <form>
// only to catch keys bubbling from its inputs.)
import { isSubmitChord } from "../lib/shortcuts";

export interface FormKeysOptions {
  submit: () => void;
  cancel?: () => void;
}

export function formKeys(node: HTMLElement, options: FormKeysOptions) {
  let current = options;
  const onKey = (e: KeyboardEvent) => {
    if (isSubmitChord(e)) {
      e.preventDefault();
      current.submit();
    } else if (e.key === "Escape" && current.cancel) {
      e.preventDefault();
      current.cancel();
    }
  };
  node.addEventListener("keydown", onKey);
  return {
    update(next: FormKeysOptions) {
      current = next;
    },
    destroy() {
      node.removeEventListener("keydown", onKey);
    },
  };
}
