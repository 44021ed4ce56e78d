// Which wire fields an edit concerns, from the input the user typed in: a form clears their
// messages as soon as the field is edited ("errors gone when fixed").

/** Wire field -> input id, turned around: input id -> the fields whose message it clears. */
export function fieldsByInput(inputs: Readonly<Record<string, string>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, id] of Object.entries(inputs)) (out[id] ??= []).push(field);
  return out;
}

/** The fields an input or change event on `target` edits (none for an element of no field). */
export function editedFields(target: EventTarget | null, byInput: Readonly<Record<string, string[]>>): string[] {
  const id = typeof target === "object" && target !== null && "id" in target ? (target as { id: unknown }).id : null;
  return typeof id === "string" && id !== "" ? (byInput[id] ?? []) : [];
}
