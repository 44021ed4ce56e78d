// The users section of Settings: what a manager's edit of a user sends, and the words of the
// deactivation step. Who may do what is the core's rule (it refuses others with a message).
import type { Role, User, UserEdit } from "../../lib/backend/types";
import { parseAmountInput } from "../../lib/format";
import { amountForInput } from "./authority";

/** The edit form of one user, as typed. */
export interface UserEditForm {
  role: Role;
  canSign: boolean;
  /** Euros with a decimal comma; empty: the default of the role. */
  maxGesture: string;
}

export function editFormFor(user: Pick<User, "role" | "canSign" | "maxGesture">): UserEditForm {
  return { role: user.role, canSign: user.canSign, maxGesture: user.maxGesture ? amountForInput(user.maxGesture) : "" };
}

export type EditOutcome =
  | { kind: "changes"; edit: UserEdit }
  | { kind: "nothing" }
  | { kind: "invalid"; field: "maxGesture"; message: string };

/**
 * What to send for an edit: only what changed (each change is journaled), the personal limit
 * as a wire amount or "" to go back to the role's default.
 */
export function userEditChanges(user: Pick<User, "role" | "canSign" | "maxGesture">, form: UserEditForm): EditOutcome {
  const limit = parseAmountInput(form.maxGesture);
  if (limit === undefined) {
    return { kind: "invalid", field: "maxGesture", message: "Montant invalide\u00A0: saisissez par exemple 50 ou 99,99." };
  }
  const edit: UserEdit = {};
  if (form.role !== user.role) edit.role = form.role;
  if (form.canSign !== user.canSign) edit.canSign = form.canSign;
  const current = user.maxGesture === null || user.maxGesture === "" ? null : parseAmountInput(user.maxGesture);
  if (limit !== current) edit.maxGesture = limit ?? "";
  return Object.keys(edit).length === 0 ? { kind: "nothing" } : { kind: "changes", edit };
}

/** The question before deactivating or reactivating `user`. */
export function toggleActiveQuestion(user: Pick<User, "name" | "active">): string {
  return user.active
    ? `Désactiver ${user.name}\u00A0? Cette personne ne pourra plus se connecter, signer de courrier ni valider de geste\u00A0; son historique est conservé.`
    : `Réactiver ${user.name}\u00A0? Cette personne pourra de nouveau se connecter et agir sur le registre.`;
}

/** Whether the user has a secret, as the table says it. */
export function credentialsLabel(user: Pick<User, "hasCredentials">): string {
  return user.hasCredentials ? "Oui" : "Non";
}
