// The dispute's legs ("Suites du litige"): the form of a new step (the date its sequel is
// expected, for the legs that wait for one, and a lawyer's letter) and what a recorded step
// shows. The usual waits are the core's; these functions only map the form to the wire.
// Pure functions: unit-tested, no Svelte, no Tauri.
import type { DisputeKind, DisputeStep, NewDisputeStep } from "../../lib/backend/types";
import { formatDate } from "../../lib/format";

/** The legs that wait for a sequel (the insurer's answer, the mediator's opinion). */
const WAITING_KINDS: ReadonlySet<DisputeKind> = new Set<DisputeKind>(["insurerForwarded", "mediatorReferral"]);

/** The step waits for a sequel: the "Suite attendue le" field is shown. */
export function expectsSequel(kind: DisputeKind): boolean {
  return WAITING_KINDS.has(kind);
}

export const EXPECTED_ON_HINT = "par défaut\u00A0: 15 jours pour l'assureur, 90 jours pour le médiateur";

/** The add form as typed. */
export interface DisputeStepForm {
  kind: DisputeKind;
  on: string;
  summary: string;
  /** ISO date, or "" (the usual wait). */
  expectedOn: string;
  fromLawyer: boolean;
}

/** What `addDisputeStep` sends: a date typed for a leg that waits for no sequel is dropped (its field is hidden). */
export function disputeStepRequest(f: DisputeStepForm): NewDisputeStep {
  return {
    kind: f.kind,
    on: f.on,
    summary: f.summary.trim(),
    expectedOn: expectsSequel(f.kind) && f.expectedOn !== "" ? f.expectedOn : null,
    fromLawyer: f.fromLawyer,
  };
}

export interface DisputeStepNote {
  kind: "expected" | "lawyer";
  text: string;
}

/** The small lines under a recorded step: "suite attendue le …", "courrier d'avocat". */
export function disputeStepNotes(s: Pick<DisputeStep, "expectedOn" | "fromLawyer">): DisputeStepNote[] {
  const notes: DisputeStepNote[] = [];
  if (s.expectedOn) notes.push({ kind: "expected", text: `suite attendue le ${formatDate(s.expectedOn)}` });
  if (s.fromLawyer) notes.push({ kind: "lawyer", text: "courrier d'avocat" });
  return notes;
}
