// The "Nouvelle action" form (corrective or preventive) as the user fills it, its mapping to
// the wire type NewCorrectiveAction, the dysfunctions offered as its origin, and the edit form
// of an open action (ActionEdit). Pure functions: no Svelte, no Tauri. The backend validates
// (references, dates, lengths); this module only checks that the required fields are filled
// and routes the backend's errors to the fields.
import type {
  ActionEdit,
  ActionKind,
  AppError,
  CorrectiveAction,
  DysfunctionCategory,
  DysfunctionEntry,
  NewCorrectiveAction,
} from "../../lib/backend/types";
import { splitError, type SplitError } from "../complaint/fields";
import { formatInteger } from "../../lib/format";
import { CORRECTIVE_ACTION_KIND_LABELS, DYSFUNCTION_CATEGORIES, DYSFUNCTION_CATEGORY_LABELS } from "../../lib/backend/labels";

export interface CorrectiveActionForm {
  /** Corrective (a dysfunction found) or preventive (one to avoid). */
  kind: ActionKind;
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
  return { kind: "corrective", description: "", owner: "", dueOn: "", dysfunctions: [], otherComplaints: "" };
}

/** True when something was typed or ticked (the form is kept when the user leaves). */
export function isCorrectiveActionFormDirty(f: CorrectiveActionForm): boolean {
  return (
    (f.kind ?? "corrective") !== "corrective" ||
    f.description.trim() !== "" ||
    f.owner.trim() !== "" ||
    f.dueOn !== "" ||
    f.dysfunctions.length > 0 ||
    f.otherComplaints.trim() !== ""
  );
}

/** Wire field -> id of its input on the screen. */
export const CORRECTIVE_ACTION_FIELD_INPUTS: Readonly<Record<string, string>> = {
  kind: "action-kind-corrective",
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
    kind: f.kind ?? "corrective",
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

/** The dysfunctions by category (the categories' order), each group in the order given. */
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

/**
 * Dysfunctions the picker lists at most besides the ones ticked: a register of 100,000
 * complaints holds some 13,000, and listing them all held the screen for seconds.
 */
export const PICKER_LIMIT = 50;

/** Lower case, accents off: "Défaut" and "defaut" are the same word to a search. */
export function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A dysfunction as the picker searches it: its words, folded, and when it was found. */
export interface Searchable {
  entry: DysfunctionEntry;
  text: string;
}

/** The dysfunctions to search, most recently found first (built once per list). */
export function searchableDysfunctions(entries: readonly DysfunctionEntry[]): Searchable[] {
  return entries
    .map((entry) => ({
      entry,
      text: folded(
        `${entry.reference} ${DYSFUNCTION_CATEGORY_LABELS[entry.category] ?? entry.category} ${entry.description}`,
      ),
    }))
    .sort((a, b) => (a.entry.foundOn === b.entry.foundOn ? b.entry.id - a.entry.id : a.entry.foundOn < b.entry.foundOn ? 1 : -1));
}

export interface DysfunctionPick {
  /** What the picker lists: the ones ticked, then the matching ones, most recent first. */
  shown: DysfunctionEntry[];
  /** How many match the search (all of them, shown or not). */
  matching: number;
}

/**
 * What the picker lists for `search`: every ticked dysfunction, and the most recent of those
 * whose reference, category or description holds every word typed (accents and case aside),
 * `limit` at most.
 */
export function pickDysfunctions(
  all: readonly Searchable[],
  selected: readonly number[],
  search: string,
  limit: number = PICKER_LIMIT,
): DysfunctionPick {
  const words = folded(search).split(/\s+/).filter((w) => w !== "");
  const ticked = new Set(selected);
  const shown: DysfunctionEntry[] = all.filter((s) => ticked.has(s.entry.id)).map((s) => s.entry);
  let matching = 0;
  let listed = 0;
  for (const s of all) {
    if (!words.every((w) => s.text.includes(w))) continue;
    matching += 1;
    if (listed < limit && !ticked.has(s.entry.id)) {
      shown.push(s.entry);
      listed += 1;
    }
  }
  return { shown, matching };
}

/** "déjà suivi par l'action n° 3", "déjà suivi par les actions n° 2, 3 et 5"; "" when none. */
export function followedByText(actionIds: readonly number[]): string {
  if (actionIds.length === 0) return "";
  const nums = actionIds.map((id) => formatInteger(id));
  if (nums.length === 1) return `déjà suivi par l'action n°\u00A0${nums[0]}`;
  const list = `${nums.slice(0, -1).join(", ")} et ${nums[nums.length - 1]}`;
  return `déjà suivi par les actions n°\u00A0${list}`;
}

// ---- The kind of an action ------------------------------------------------------

/** "Corrective", "Préventive" (a kind the labels do not know yet shows as sent). */
export function actionKindLabel(kind: ActionKind): string {
  return CORRECTIVE_ACTION_KIND_LABELS[kind] ?? kind;
}

/** "Nouvelle action corrective", "Nouvelle action préventive". */
export function newActionTitle(kind: ActionKind): string {
  return `Nouvelle action ${actionKindLabel(kind).toLowerCase()}`;
}

/** The toast once recorded: "Action préventive n° 4 enregistrée". */
export function actionRecordedText(kind: ActionKind, id: number): string {
  return `Action ${actionKindLabel(kind).toLowerCase()} n°\u00A0${formatInteger(id)} enregistrée`;
}

// ---- Editing an open action ---------------------------------------------------

/** The edit form of an open action: its text, owner and due date as typed. */
export interface ActionEditForm {
  description: string;
  owner: string;
  /** ISO date "YYYY-MM-DD", or "" (empty, or text that is not a date). */
  dueOn: string;
}

export function actionToEditForm(a: Pick<CorrectiveAction, "description" | "owner" | "dueOn">): ActionEditForm {
  return { description: a.description, owner: a.owner, dueOn: a.dueOn };
}

export function editFormToActionEdit(f: ActionEditForm): ActionEdit {
  return { description: f.description.trim(), owner: f.owner.trim(), dueOn: f.dueOn };
}

/** True when the form says something else than the action (trimmed as the core would). */
export function isActionEdited(f: ActionEditForm, a: Pick<CorrectiveAction, "description" | "owner" | "dueOn">): boolean {
  const e = editFormToActionEdit(f);
  return e.description !== a.description.trim() || e.owner !== a.owner.trim() || e.dueOn !== a.dueOn;
}

/** The fields of the edit form of action `id`: wire field -> id of its input. */
export function actionEditInputs(id: number): Record<string, string> {
  return {
    description: `action-edit-description-${id}`,
    owner: `action-edit-owner-${id}`,
    dueOn: `action-edit-due-${id}`,
  };
}

/** The messages of the edit form's required fields left empty, by wire field (form order). */
export function editRequiredMissing(f: ActionEditForm): Record<string, string> {
  const missing: Record<string, string> = {};
  if (f.description.trim() === "") missing.description = "Décrivez l'action à mener.";
  if (f.owner.trim() === "") missing.owner = "Indiquez le responsable de l'action.";
  if (f.dueOn === "") missing.dueOn = "Indiquez l'échéance (jj/mm/aaaa).";
  return missing;
}

/**
 * Where the core's refusal of an edit goes: description, owner and due date next to their
 * field, "status" (the action was closed meanwhile: it no longer changes) in its own place
 * in the form, anything else in the banner.
 */
export function routeActionEditError(err: AppError): SplitError {
  return splitError(err, ["description", "owner", "dueOn", "status"]);
}
