// Authority to grant a goodwill gesture: the thresholds of the settings (authority.*, in the
// seed's order) and each user's own limit. The core applies them; this only shows them.
import type { Role, SettingEntry, User } from "../../lib/backend/types";
import { formatMoney, parseAmountInput } from "../../lib/format";

/**
 * The thresholds, in the seed's order: a reason is noted from the first, an advisor grants
 * alone up to the second, a supervisor up to the third (empty: no ceiling), an internal
 * document is attached beyond the fourth.
 */
export const AUTHORITY_KEYS: readonly string[] = [
  "authority.reasonFrom",
  "authority.advisor",
  "authority.supervisor",
  "authority.documentFrom",
];

/** The thresholds that may be left empty, meaning "no ceiling". */
export const NO_CEILING_KEYS: readonly string[] = ["authority.supervisor"];

export function isAuthorityKey(key: string): boolean {
  return AUTHORITY_KEYS.includes(key);
}

/** The authority thresholds among the settings, in the seed's order (whatever the order received). */
export function authorityEntries(entries: readonly SettingEntry[]): SettingEntry[] {
  return AUTHORITY_KEYS.flatMap((key) => entries.filter((e) => e.key === key));
}

/** A wire amount as the field shows it: "20.00" -> "20,00" (anything else unchanged). */
export function amountForInput(value: string): string {
  return /^\d+(\.\d+)?$/.test(value.trim()) ? value.trim().replace(".", ",") : value;
}

/**
 * What to send for a typed threshold: the wire amount ("20,5" -> "20.50"), "" when empty
 * (the backend says what it expects), undefined when the text is not an amount.
 */
export function amountForWire(typed: string): string | undefined {
  const parsed = parseAmountInput(typed);
  if (parsed === undefined) return undefined;
  return parsed ?? "";
}

/**
 * The role's ceiling from the settings: an amount, "none" (the manager, or a threshold left
 * empty: no ceiling) or null when the settings do not say.
 */
export function roleAuthority(role: Role, entries: readonly SettingEntry[]): string | "none" | null {
  if (role === "manager") return "none";
  const entry = entries.find((e) => e.key === `authority.${role}`);
  if (!entry) return null;
  return entry.value.trim() === "" ? "none" : entry.value;
}

/** "50,00 €" (own limit), "Par défaut du rôle (20,00 €)", "Par défaut du rôle (sans plafond)". */
export function userGestureLabel(user: Pick<User, "role" | "maxGesture">, entries: readonly SettingEntry[]): string {
  if (user.maxGesture !== null && user.maxGesture !== "") return formatMoney(user.maxGesture);
  const ceiling = roleAuthority(user.role, entries);
  if (ceiling === "none") return "Par défaut du rôle (sans plafond)";
  return ceiling ? `Par défaut du rôle (${formatMoney(ceiling)})` : "Par défaut du rôle";
}
