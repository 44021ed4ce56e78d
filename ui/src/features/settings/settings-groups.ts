// The settings saved group by group (SettingsGroups.svelte): what a group sends in its one
// `set_settings` call, where the core's refusals go, and the way from elsewhere (a letter
// refused for a missing setting) to the group that holds the setting. Pure logic apart from
// the remembered setting to focus, tested without a backend.
import type { AppError, SettingEntry } from "../../lib/backend/types";
import { normalizeField } from "../complaint/fields";
import { sentence } from "../session/access";
import { amountForWire, isAuthorityKey } from "./authority";

export const INVALID_AMOUNT = "Montant invalide\u00A0: saisissez par exemple 20 ou 99,99.";

/** The DOM id of a group's form on the settings screen ("settings-mediator"). */
export function groupElementId(groupId: string): string {
  return `settings-${groupId}`;
}

/** The input of a setting ("mediator.address" -> "setting-mediator-address"). */
export function settingInputId(key: string): string {
  return "setting-" + key.replace(/[^a-zA-Z0-9]+/g, "-");
}

export interface GroupChanges {
  /** What to send, in the group's order: the changed settings only, amounts as wire decimals. */
  entries: [string, string][];
  /** Amounts that are not amounts (nothing is sent while there are any), by key. */
  invalid: Record<string, string>;
}

/**
 * The changes of a group: every setting whose typed value (an authority threshold converted
 * to a wire amount) differs from the stored one.
 */
export function groupChanges(entries: readonly SettingEntry[], typed: Readonly<Record<string, string>>): GroupChanges {
  const out: GroupChanges = { entries: [], invalid: {} };
  for (const entry of entries) {
    const text = typed[entry.key] ?? "";
    const value = isAuthorityKey(entry.key) ? amountForWire(text) : text;
    if (value === undefined) {
      out.invalid[entry.key] = INVALID_AMOUNT;
      continue;
    }
    if (value !== entry.value) out.entries.push([entry.key, value]);
  }
  return out;
}

export interface GroupError {
  /** Messages next to their field, by setting key (every field the core refused at once). */
  fields: Record<string, string>;
  /** What belongs to no field of the group. */
  general: string | null;
}

/**
 * Where a refusal of a group's save goes: each refused setting of the group gets its message
 * beside it (the core names every missing mediator field at once); a refusal naming no
 * setting ("value", or no field) goes beside the setting sent when it was the only one;
 * anything else to the group's banner. `keys`: the group's settings; `sent`: those sent.
 */
export function routeGroupError(err: AppError, keys: readonly string[], sent: readonly string[] = []): GroupError {
  const refused = err.fields && err.fields.length > 0 ? err.fields : [{ field: err.field ?? "", message: err.message }];
  const out: GroupError = { fields: {}, general: null };
  const others: string[] = [];
  for (const r of refused) {
    let field = normalizeField(r.field);
    if ((field === "" || field === "value") && sent.length === 1) field = sent[0];
    if (keys.includes(field)) {
      if (!(field in out.fields)) out.fields[field] = sentence(r.message);
    } else if (!others.includes(r.message)) {
      others.push(r.message);
    }
  }
  if (others.length > 0) out.general = others.map(sentence).join(" ; ");
  return out;
}

/** The first key of the group (in its order) that has a message, or null. */
export function firstErrorKey(keys: readonly string[], errors: Readonly<Record<string, string>>): string | null {
  return keys.find((k) => errors[k]) ?? null;
}

/** The settings screen's section holding a setting (its element id), for the way to it. */
export function settingsSectionFor(key: string): string {
  const k = key.trim();
  if (k.startsWith("mediator.")) return groupElementId("mediator");
  if (k.startsWith("firm.")) return groupElementId("firm");
  if (k.startsWith("authority.")) return groupElementId("authority");
  if (k.startsWith("auth.")) return groupElementId("auth");
  if (k.startsWith("template.")) return "templates-section";
  if (k.startsWith("updates.")) return "updates-section";
  return groupElementId("prefs");
}

/** The setting to focus when the settings screen opens (asked from another screen). */
let pendingSetting: string | null = null;

/** Remember the setting to focus once the settings screen shows its groups. */
export function revealSetting(key: string): void {
  pendingSetting = key.trim();
}

/** The setting to focus, once (null when none was asked for). */
export function takeRevealedSetting(): string | null {
  const key = pendingSetting;
  pendingSetting = null;
  return key;
}
