// Authority to grant a goodwill gesture alone: the thresholds of the settings
// (authority.advisor / authority.supervisor) and each user's own limit.
import type { Role, SettingEntry, User } from "../../lib/backend/types";
import { formatMoney, parseAmountInput } from "../../lib/format";

export const AUTHORITY_KEYS: readonly string[] = ["authority.advisor", "authority.supervisor"];

export function isAuthorityKey(key: string): boolean {
  return AUTHORITY_KEYS.includes(key);
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

/** The role's threshold from the settings entries; null for the manager (no limit) or when unknown. */
export function roleAuthority(role: Role, entries: readonly SettingEntry[]): string | null {
  if (role === "manager") return null;
  return entries.find((e) => e.key === `authority.${role}`)?.value ?? null;
}

/** "50,00 €" (own limit), "Par défaut du rôle (20,00 €)", "Par défaut du rôle (sans plafond)". */
export function userGestureLabel(user: Pick<User, "role" | "maxGesture">, entries: readonly SettingEntry[]): string {
  if (user.maxGesture !== null && user.maxGesture !== "") return formatMoney(user.maxGesture);
  if (user.role === "manager") return "Par défaut du rôle (sans plafond)";
  const threshold = roleAuthority(user.role, entries);
  return threshold ? `Par défaut du rôle (${formatMoney(threshold)})` : "Par défaut du rôle";
}
