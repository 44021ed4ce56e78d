import { describe, expect, it } from "vitest";
import type { SignInUser, User } from "../../lib/backend/types";
import { confirmationProblem, gateFor, preselectedUser, sameUser, secretInputMode, secretNoun, sentence } from "./access";

const claire: User = {
  id: 1,
  name: "Claire Martin",
  role: "manager",
  canSign: true,
  maxGesture: null,
  active: true,
  authority: null,
  hasSignature: false,
  hasCredentials: true,
};

const users: SignInUser[] = [
  { name: "Claire Martin", role: "manager", hasCredentials: true },
  { name: "Paul Durand", role: "advisor", hasCredentials: true },
  { name: "Julie Moreau", role: "supervisor", hasCredentials: false },
];

describe("the start screen", () => {
  it("follows the core's session state", () => {
    expect(gateFor({ noUsers: true, signInRequired: false, signedIn: null })).toBe("firstAccount");
    expect(gateFor({ noUsers: false, signInRequired: false, signedIn: null })).toBe("pick");
    // Without credentials the name is picked again at each start, even if the core remembers one.
    expect(gateFor({ noUsers: false, signInRequired: false, signedIn: claire })).toBe("pick");
    expect(gateFor({ noUsers: false, signInRequired: true, signedIn: null })).toBe("signIn");
    expect(gateFor({ noUsers: false, signInRequired: true, signedIn: claire })).toBe("signedIn");
  });
});

describe("the sign-in screen", () => {
  it("compares names as the core does", () => {
    expect(sameUser(" paul durand ", "Paul Durand")).toBe(true);
    expect(sameUser("Paul", "Paul Durand")).toBe(false);
    expect(sameUser(null, "Paul Durand")).toBe(false);
    expect(sameUser(undefined, undefined)).toBe(false);
  });

  it("preselects the first wanted user who has a secret, as the register spells the name", () => {
    expect(preselectedUser(users, ["paul durand", "Claire Martin"])).toBe("Paul Durand");
    expect(preselectedUser(users, [null, "Claire Martin"])).toBe("Claire Martin");
    // Julie has no secret yet: she cannot be preselected.
    expect(preselectedUser(users, ["Julie Moreau"])).toBe("");
    expect(preselectedUser(users, ["Inconnu"])).toBe("");
    expect(preselectedUser(users, [])).toBe("");
  });

  it("preselects the only user who can sign in", () => {
    expect(preselectedUser(users.slice(1), [null])).toBe("Paul Durand");
    expect(preselectedUser([], ["Paul Durand"])).toBe("");
  });

  it("names the secret", () => {
    expect(secretNoun("password")).toBe("mot de passe");
    expect(secretNoun("pin")).toBe("code PIN");
  });

  it("asks for digits for a PIN", () => {
    expect(secretInputMode("pin")).toBe("numeric");
    expect(secretInputMode("password")).toBe("text");
  });

  it("shows the core's message as a sentence", () => {
    expect(sentence("mot de passe incorrect (4 essai(s) avant un délai d'attente)")).toBe(
      "Mot de passe incorrect (4 essai(s) avant un délai d'attente)",
    );
    expect(sentence("  ")).toBe("");
  });
});

describe("a new secret", () => {
  it("is typed, twice the same", () => {
    expect(confirmationProblem("", "", "password")).toBe("Saisissez le mot de passe.");
    expect(confirmationProblem("", "", "pin")).toBe("Saisissez le code PIN.");
    expect(confirmationProblem("motdepasse", "motdepase", "password")).toBe(
      "Les deux mots de passe saisis sont différents.",
    );
    expect(confirmationProblem("123456", "123465", "pin")).toBe("Les deux codes PIN saisis sont différents.");
    expect(confirmationProblem("motdepasse", "motdepasse", "password")).toBeNull();
    // Its length and characters are the core's rule: not checked here.
    expect(confirmationProblem("abc", "abc", "pin")).toBeNull();
  });
});
