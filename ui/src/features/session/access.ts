// Who may act on the register: which screen the core's session state calls for at start,
// who the sign-in screen preselects, and the words of the secret (a password or a PIN).
// The rules themselves (who may sign in, what a valid secret is) are the core's.
import type { SecretKind, SessionState, SignInUser } from "../../lib/backend/types";

/** What stands between the start and the screens. */
export type Gate =
  /** The register has no user: the first one creates their account (the manager). */
  | "firstAccount"
  /** Everyone signs in with their secret. */
  | "signIn"
  /** No credentials yet: anyone at this computer picks a name ("Qui êtes-vous ?"). */
  | "pick"
  /** Already signed in (the window was reloaded): straight to the screens. */
  | "signedIn";

export function gateFor(state: Pick<SessionState, "noUsers" | "signInRequired" | "signedIn">): Gate {
  if (state.noUsers) return "firstAccount";
  if (!state.signInRequired) return "pick";
  return state.signedIn ? "signedIn" : "signIn";
}

/** The same person, as the core compares names (case and surrounding spaces ignored). */
export function sameUser(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The name the sign-in screen preselects: the first of `wanted` (the user whose session is
 * locked, the last name used on this computer) who has a secret, as the register spells it;
 * else the only user who has one; else none ("") so that nobody types their secret under
 * another's name by mistake (their failures would delay that person's next sign-in).
 */
export function preselectedUser(users: readonly SignInUser[], wanted: readonly (string | null | undefined)[]): string {
  const candidates = users.filter((u) => u.hasCredentials);
  for (const name of wanted) {
    const found = candidates.find((u) => sameUser(u.name, name));
    if (found) return found.name;
  }
  return candidates.length === 1 ? candidates[0].name : "";
}

/** "mot de passe" / "code PIN", inside a sentence. */
export function secretNoun(kind: SecretKind): string {
  return kind === "pin" ? "code PIN" : "mot de passe";
}

/** "Mot de passe" / "Code PIN": the label of a secret field. */
export const SECRET_LABELS: Readonly<Record<SecretKind, string>> = {
  password: "Mot de passe",
  pin: "Code PIN",
};

/** What a new secret looks like, as a hint under its field (the core checks it). */
export const SECRET_HINTS: Readonly<Record<SecretKind, string>> = {
  password: "8\u00A0caractères au moins.",
  pin: "6\u00A0chiffres au moins, uniquement des chiffres.",
};

/** The keyboard a secret field asks for: digits for a PIN. */
export function secretInputMode(kind: SecretKind): "numeric" | "text" {
  return kind === "pin" ? "numeric" : "text";
}

/**
 * Before sending a new secret: one typed, and the same twice (a typo in a secret nobody can
 * read back would lock its owner out). Null when both are fine; the core checks the rest.
 */
export function confirmationProblem(secret: string, confirmation: string, kind: SecretKind): string | null {
  if (secret === "") return kind === "pin" ? "Saisissez le code PIN." : "Saisissez le mot de passe.";
  if (secret !== confirmation) {
    return kind === "pin"
      ? "Les deux codes PIN saisis sont différents."
      : "Les deux mots de passe saisis sont différents.";
  }
  return null;
}

/** A core message ("mot de passe incorrect (…)") as a sentence of its own: capitalised. */
export function sentence(message: string): string {
  const text = message.trim();
  return text === "" ? text : text.charAt(0).toUpperCase() + text.slice(1);
}
