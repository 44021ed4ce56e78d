import { describe, expect, it } from "vitest";
import type { User } from "../../lib/backend/types";
import { credentialsLabel, editFormFor, toggleActiveQuestion, userEditChanges } from "./users";

const paul: User = {
  id: 2,
  name: "Paul Durand",
  role: "advisor",
  canSign: true,
  maxGesture: null,
  active: true,
  authority: "50.00",
  hasSignature: false,
  hasCredentials: true,
};

describe("editing a user", () => {
  it("starts from what is stored, amounts with a decimal comma", () => {
    expect(editFormFor(paul)).toEqual({ role: "advisor", canSign: true, maxGesture: "" });
    expect(editFormFor({ ...paul, maxGesture: "80.00" })).toEqual({ role: "advisor", canSign: true, maxGesture: "80,00" });
  });

  it("sends only what changed", () => {
    expect(userEditChanges(paul, editFormFor(paul))).toEqual({ kind: "nothing" });
    expect(userEditChanges(paul, { role: "supervisor", canSign: true, maxGesture: "" })).toEqual({
      kind: "changes",
      edit: { role: "supervisor" },
    });
    expect(userEditChanges(paul, { role: "advisor", canSign: false, maxGesture: "75,5" })).toEqual({
      kind: "changes",
      edit: { canSign: false, maxGesture: "75.50" },
    });
  });

  it("compares the personal limit as an amount", () => {
    const own = { ...paul, maxGesture: "80.00" };
    expect(userEditChanges(own, { role: "advisor", canSign: true, maxGesture: "80" })).toEqual({ kind: "nothing" });
    // Emptied: back to the role's default.
    expect(userEditChanges(own, { role: "advisor", canSign: true, maxGesture: " " })).toEqual({
      kind: "changes",
      edit: { maxGesture: "" },
    });
  });

  it("refuses a limit that is not an amount", () => {
    const outcome = userEditChanges(paul, { role: "advisor", canSign: true, maxGesture: "cent" });
    expect(outcome.kind).toBe("invalid");
    expect(outcome.kind === "invalid" && outcome.field).toBe("maxGesture");
  });
});

describe("words of the users section", () => {
  it("asks before deactivating or reactivating", () => {
    expect(toggleActiveQuestion(paul)).toContain("Désactiver Paul Durand\u00A0?");
    expect(toggleActiveQuestion(paul)).toContain("historique est conservé");
    expect(toggleActiveQuestion({ ...paul, active: false })).toContain("Réactiver Paul Durand\u00A0?");
  });

  it("says whether a user has a secret", () => {
    expect(credentialsLabel(paul)).toBe("Oui");
    expect(credentialsLabel({ hasCredentials: false })).toBe("Non");
  });
});
