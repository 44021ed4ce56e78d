// The closure form ("Clôturer"): the client's feedback is chosen by the user, never
// defaulted, since a default "Résolue" accepted without thought would inflate the resolved
// figures of the register and of the reports. Pure functions: unit-tested, no Svelte, no Tauri.
import type { Feedback } from "../../lib/backend/types";
import { satisfactionValue } from "./money";

/** The feedback select's value: "" until the user chooses. */
export type FeedbackChoice = Feedback | "";

/** The feedback select's first, empty option. */
export const FEEDBACK_PLACEHOLDER = "— choisissez —";

/** Shown beside the feedback select when the user has not chosen. */
export const FEEDBACK_REQUIRED = "Indiquez le retour du client\u00A0: résolue, non résolue ou sans retour.";

/** Without any feedback the client gave no satisfaction either: the select is hidden then. */
export function asksSatisfaction(feedback: FeedbackChoice): boolean {
  return feedback !== "none";
}

/** What `close` sends, besides the date. */
export interface ClosureRequest {
  feedback: Feedback;
  /** 1..5, or null (not given, or no feedback at all). */
  satisfaction: number | null;
}

export type ClosureCheck = { ok: true; request: ClosureRequest } | { ok: false; errors: Record<string, string> };

/**
 * The closure as typed -> the request, or the field errors (wire names, as the core's
 * refusals) that stop it before anything is sent.
 */
export function closureRequest(feedback: FeedbackChoice, satisfaction: string): ClosureCheck {
  if (feedback === "") return { ok: false, errors: { feedback: FEEDBACK_REQUIRED } };
  return {
    ok: true,
    request: { feedback, satisfaction: asksSatisfaction(feedback) ? satisfactionValue(satisfaction) : null },
  };
}
