// The "Nouvelle action corrective" form as the user fills it, its mapping to the wire
// type NewCorrectiveAction, and the dysfunctions offered as its origin. Pure functions: no
// Svelte, no Tauri. The backend validates (references, dates, lengths); this module only
// checks that the required fields are filled and routes the backend's errors to the fields.
import type { AppError, DysfunctionCategory, DysfunctionEntry, NewCorrectiveAction } from "../../lib/backend/types";
import { splitError, type SplitError } from "../complaint/fields";
import { formatInteger } from "../../lib/format";
import { DYSFUNCTION_CATEGORIES, DYSFUNCTION_CATEGORY_LABELS } from "../../lib/backend/labels";

export interface CorrectiveActionForm {
  description: string;
  owner: string;
  /** ISO date "YYYY-MM-DD", or "" (empty, or text that is not a date). */
  dueOn: string;
  /** Ids of the dysfunctions ticked as the origin of the action. */
  dysfunctions: number[];
  /** Further complaint references, as typed (separated by commas, spaces or lines). */
  otherComplaints: string;
}

export function emptyCorrectiveActionForm(): CorrectiveActionForm {
  return { description: "", owner: "", dueOn: "", dysfunctions: [], otherComplaints: "" };
}

/** True when something was typed or ticked (the form is kept when the user leaves). */
export function isCorrectiveActionFormDirty(f: CorrectiveActionForm): boolean {
  return (
    f.description.trim() !== "" ||
    f.owner.trim() !== "" ||
    f.dueOn !== "" ||
    f.dysfunctions.length > 0 ||
    f.otherComplaints.trim() !== ""
  );
}

/** Wire field -> id of its input on the screen. */
export const CORRECTIVE_ACTION_FIELD_INPUTS: Readonly<Record<string, string>> = {
  description: "action-description",
  owner: "action-owner",
  dueOn: "action-due",
  dysfunctions: "action-dysfunctions",
  complaints: "action-complaints",
};

/** The messages of the required fields left empty, by wire field (form order). */
export function requiredMissing(f: CorrectiveActionForm): Record<string, string> {
  const missing: Record<string, string> = {};
  if (f.description.trim() === "") missing.description = "Décrivez l'action à mener.";
  if (f.owner.trim() === "") missing.owner = "Indiquez le responsable de l'action.";
  if (f.dueOn === "") missing.dueOn = "Indiquez l'échéance (jj/mm/aaaa).";
  return missing;
}

/** "rec-2026-0001, REC-2026-0002\nREC-2026-0001" -> ["REC-2026-0001", "REC-2026-0002"]. */
export function parseReferences(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\s,;]+/)) {
    const ref = part.trim().toUpperCase();
    if (ref !== "" && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/** Tick or untick a dysfunction (the list keeps the order of ticking, without duplicates). */
export function toggleDysfunction(ids: readonly number[], id: number, checked: boolean): number[] {
  const without = ids.filter((d) => d !== id);
  return checked ? [...without, id] : without;
}

/** The complaints of the ticked dysfunctions, in ticking order, each once. */
export function referencesOfDysfunctions(ids: readonly number[], entries: readonly DysfunctionEntry[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const ref = entries.find((e) => e.id === id)?.reference;
    if (ref !== undefined && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/** Every complaint the action is linked to: those of the ticked dysfunctions, then those typed. */
export function linkedComplaints(f: CorrectiveActionForm, entries: readonly DysfunctionEntry[]): string[] {
  const out = referencesOfDysfunctions(f.dysfunctions, entries);
  for (const ref of parseReferences(f.otherComplaints)) if (!out.includes(ref)) out.push(ref);
  return out;
}

export function formToNewCorrectiveAction(f: CorrectiveActionForm, entries: readonly DysfunctionEntry[]): NewCorrectiveAction {
  return {
    description: f.description.trim(),
    owner: f.owner.trim(),
    dueOn: f.dueOn,
    complaints: linkedComplaints(f, entries),
    dysfunctions: [...f.dysfunctions],
  };
}

/**
 * Where a backend error goes: next to its field, or in the banner. An unknown complaint
 * comes back as `notFound` without a field; it is about the references typed.
 */
export function routeCorrectiveActionError(err: AppError): SplitError {
  if (!err.field && err.code === "notFound" && /réclamation/i.test(err.message)) {
    return { fields: { complaints: err.message }, general: null };
  }
  return splitError(err, Object.keys(CORRECTIVE_ACTION_FIELD_INPUTS));
}

export interface DysfunctionGroup {
  category: DysfunctionCategory;
  label: string;
  entries: DysfunctionEntry[];
}

/** The dysfunctions by category (the categories' order), each group in the backend's order (newest first). */
export function groupDysfunctions(entries: readonly DysfunctionEntry[]): DysfunctionGroup[] {
  const groups: DysfunctionGroup[] = [];
  for (const category of DYSFUNCTION_CATEGORIES) {
    const of = entries.filter((e) => e.category === category);
    if (of.length > 0) groups.push({ category, label: DYSFUNCTION_CATEGORY_LABELS[category], entries: of });
  }
  // A category the labels do not know yet (newer backend) still shows.
  const rest = entries.filter((e) => !(DYSFUNCTION_CATEGORIES as readonly string[]).includes(e.category));
  for (const e of rest) {
    const group = groups.find((g) => g.category === e.category);
    if (group) group.entries.push(e);
    else groups.push({ category: e.category, label: e.category, entries: [e] });
  }
  return groups;
}

/** "déjà suivi par l'action n° 3", "déjà suivi par les actions n° 2, 3 et 5"; "" when none. */
export function followedByText(actionIds: readonly number[]): string {
  if (actionIds.length === 0) return "";
  const nums = actionIds.map((id) => formatInteger(id));
  if (nums.length === 1) return `déjà suivi par l'action n°\u00A0${nums[0]}`;
  const list = `${nums.slice(0, -1).join(", ")} et ${nums[nums.length - 1]}`;
  return `déjà suivi par les actions n°\u00A0${list}`;
}
