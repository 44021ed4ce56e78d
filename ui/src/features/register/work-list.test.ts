import { describe, expect, it } from "vitest";
import { workListLabel, workListQuery } from "./work-list";

describe("work lists carried to the register", () => {
  it("names each list as Aujourd'hui titles it", () => {
    expect(workListLabel({ kind: "dueSoon", days: 3 })).toBe("Échéance sous 3 jours");
    expect(workListLabel({ kind: "dueSoon", days: 1 })).toBe("Échéance sous 1 jour");
    expect(workListLabel({ kind: "awaitingConfirmation" })).toBe("Confirmations écrites attendues");
    expect(workListLabel({ kind: "answerLetterDue" })).toBe("Lettres de réponse à émettre");
  });

  it("sets one query field and clears the others", () => {
    expect(workListQuery({ kind: "dueSoon", days: 3 })).toEqual({
      dueWithinDays: 3,
      awaitingConfirmation: false,
      answerLetterDue: false,
    });
    expect(workListQuery({ kind: "awaitingConfirmation" })).toEqual({
      dueWithinDays: null,
      awaitingConfirmation: true,
      answerLetterDue: false,
    });
    expect(workListQuery({ kind: "answerLetterDue" })).toEqual({
      dueWithinDays: null,
      awaitingConfirmation: false,
      answerLetterDue: true,
    });
    expect(workListQuery(null)).toEqual({ dueWithinDays: null, awaitingConfirmation: false, answerLetterDue: false });
  });
});
