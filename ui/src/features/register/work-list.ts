// The work lists of "Aujourd'hui" that the register's own filters do not express (a deadline
// within days, an oral complaint's written confirmation awaited, an answer's register letter
// still to issue). "Voir dans le registre" carries one of them to the register, which shows
// it as a filter of its own, removable like the others. Pure functions: unit-tested.
import type { RegisterQuery } from "../../lib/backend/types";

export type WorkList =
  | { kind: "dueSoon"; days: number }
  | { kind: "awaitingConfirmation" }
  | { kind: "answerLetterDue" };

/** The list's name, as "Aujourd'hui" titles it and the register's filter reads. */
export function workListLabel(w: WorkList): string {
  switch (w.kind) {
    case "dueSoon":
      return w.days === 1 ? "Échéance sous 1 jour" : `Échéance sous ${w.days} jours`;
    case "awaitingConfirmation":
      return "Confirmations écrites attendues";
    case "answerLetterDue":
      return "Lettres de réponse à émettre";
  }
}

/** The query's fields for the work list kept (none: every field cleared). */
export function workListQuery(
  w: WorkList | null,
): Required<Pick<RegisterQuery, "dueWithinDays" | "awaitingConfirmation" | "answerLetterDue">> {
  return {
    dueWithinDays: w?.kind === "dueSoon" ? w.days : null,
    awaitingConfirmation: w?.kind === "awaitingConfirmation",
    answerLetterDue: w?.kind === "answerLetterDue",
  };
}
