// How the acknowledgement and the answer reached the client (the register's letter, an e-mail,
// a letter written elsewhere, orally then confirmed in writing), and the copy of what was sent
// (an attachment of the file, named by its SHA-256). The rules are the core's: these functions
// only map the forms to the wire and word what was recorded.
// Pure functions: unit-tested, no Svelte, no Tauri.
import type { AttachmentMeta, Complaint, Sent, SentVia, Step } from "../../lib/backend/types";
import { SENT_VIAS, SENT_VIA_LABELS } from "../../lib/backend/labels";
import { NBSP, formatDateOrTime } from "../../lib/format";

/** The way of sending as the select holds it: "" until the user chooses. */
export type ViaChoice = SentVia | "";

/**
 * The acknowledgement recorded by hand: every way but the register's letter, which is issued
 * from "Courriers" and records the step itself.
 */
export const ACK_VIAS: readonly SentVia[] = SENT_VIAS.filter((v) => v !== "registerLetter");

/** The answer: the register's letter first, and the default. */
export const ANSWER_VIAS: readonly SentVia[] = ["registerLetter", ...ACK_VIAS];
export const DEFAULT_ANSWER_VIA: SentVia = "registerLetter";

/** The via select's first, empty option. */
export const VIA_PLACEHOLDER = "— choisissez —";

/** Under the copy select when the file has no attachment yet. */
export const NO_ATTACHMENT_HINT = "Joignez d'abord la copie (section Pièces jointes)";

/** Under the acknowledgement's fields. */
export const ACK_LETTER_HINT =
  "Pour la lettre d'accusé de réception du registre, émettez-la depuis Courriers\u00A0: elle enregistre l'étape.";

/** Under the answer's "Mode d'envoi" when it is the register's letter. */
export const ANSWER_LETTER_HINT =
  "La lettre de réponse sera à émettre depuis Courriers\u00A0; la clôture attend qu'elle soit émise.";

/** "Indiquer le mode d'envoi" with the register's letter: issuing it states the way itself. */
export const STATE_LETTER_HINT =
  "Lettre pas encore émise\u00A0? Émettez-la depuis Courriers\u00A0: elle indique le mode d'envoi d'elle-même.";

/** Every way but the register's letter keeps a copy of what was sent in the file. */
export function needsCopy(via: ViaChoice): boolean {
  return via !== "registerLetter";
}

/** What `acknowledge`, `answer` and `stateSent` send: the copy only goes with a way that keeps one. */
export function sentRequest(via: ViaChoice, copy: string): { via: SentVia | null; copy: string | null } {
  return { via: via === "" ? null : via, copy: needsCopy(via) && copy !== "" ? copy : null };
}

type Named = Pick<AttachmentMeta, "sha256" | "name">;

/** The name of the attachment holding the copy, or null (no copy, or not among the attachments). */
export function copyName(copy: string | null | undefined, attachments: readonly Named[]): string | null {
  if (!copy) return null;
  return attachments.find((a) => a.sha256 === copy)?.name ?? null;
}

/** An option of the copy select: "courriel.eml (ajoutée le 07/05/2026 à 14:32)". */
export function attachmentOption(a: Pick<AttachmentMeta, "name" | "addedAt">): string {
  return `${a.name} (ajoutée le ${formatDateOrTime(a.addedAt)})`;
}

/**
 * How a recorded step reached the client, as the file shows it: "Envoi : E-mail (…)", or
 * "mode d'envoi non renseigné" (recorded before the app asked). An answer meant to go as the
 * register's letter that is not issued yet says so (`letterDue`).
 */
export function sentText(sent: Sent | null | undefined, letterDue = false): string {
  if (!sent) return "mode d'envoi non renseigné";
  if (sent.via === "registerLetter" && letterDue) return `Envoi${NBSP}: lettre du registre, pas encore émise`;
  return `Envoi${NBSP}: ${SENT_VIA_LABELS[sent.via] ?? sent.via}`;
}

/** "copie : courriel.eml"; a copy the file does not list any more reads "copie jointe". */
export function copyText(copy: string | null | undefined, attachments: readonly Named[]): string | null {
  if (!copy) return null;
  const name = copyName(copy, attachments);
  return name ? `copie${NBSP}: ${name}` : "copie jointe";
}

/** The recorded steps whose way of sending is not stated yet (what "Indiquer le mode d'envoi" offers). */
export function unstatedSteps(c: Pick<Complaint, "acknowledgedOn" | "ackSent" | "answer">): Step[] {
  const steps: Step[] = [];
  if (c.acknowledgedOn && !c.ackSent) steps.push("acknowledgement");
  if (c.answer && !c.answer.sent) steps.push("answer");
  return steps;
}
