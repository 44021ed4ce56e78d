// Letter templates on the Settings screen: element ids and inserting a placeholder
// at the cursor of the template being edited.

/** The text a template uses for a placeholder: "{client.name}". */
export function placeholderToken(key: string): string {
  return `{${key}}`;
}

/** Id of a template's textarea: "template.ack" -> "template-template-ack". */
export function templateInputId(key: string): string {
  return "template-" + key.replace(/\./g, "-");
}

export interface Insertion {
  text: string;
  /** Where the cursor goes: just after the inserted text. */
  cursor: number;
}

/**
 * Insert `insertion` in `text` in place of the selection [start, end) (a plain cursor
 * when start = end). Out-of-range or reversed positions are clamped; a missing position
 * (null: the field was never focused) means the end of the text.
 */
export function insertAtCursor(text: string, start: number | null, end: number | null, insertion: string): Insertion {
  const clamp = (n: number | null) => (n === null || !Number.isFinite(n) ? text.length : Math.min(Math.max(0, Math.trunc(n)), text.length));
  let a = clamp(start);
  let b = end === null ? a : clamp(end);
  if (b < a) [a, b] = [b, a];
  return { text: text.slice(0, a) + insertion + text.slice(b), cursor: a + insertion.length };
}
