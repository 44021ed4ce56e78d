// Letters of a complaint file ("Courriers"): the form around the core's choices (which
// letters fit, who may sign, the gesture's approval: `letter_choices`), where a refusal
// belongs on screen and the file name of a saved copy. Pure logic, tested without a backend.
import { errorSentence } from "../../lib/format";
import type {
  AppError,
  LetterChoices,
  LetterKind,
  LetterMeta,
  LetterOffer,
  LetterRequest,
  SignatoryChoice,
} from "../../lib/backend/types";
import { LETTER_KIND_LABELS } from "../../lib/backend/labels";
import { formatDate } from "../../lib/format";
import { normalizeField } from "../complaint/fields";

/** Part of the default file name of a saved copy. */
const FILE_SLUGS: Readonly<Record<LetterKind, string>> = {
  ack: "accuse-reception",
  holding: "lettre-attente",
  answer: "reponse",
  confirmation: "confirmation-reclamation-orale",
};

export function letterKindLabel(kind: string): string {
  return LETTER_KIND_LABELS[kind as LetterKind] ?? kind;
}

/** The kind to show: the one the user picked if still offered, else the usual one. */
export function selectedOffer(offers: readonly LetterOffer[], picked: LetterKind | null): LetterOffer | null {
  return offers.find((o) => o.kind === picked) ?? offers[0] ?? null;
}

/**
 * The signatory to keep once the core's choices are (re)loaded: the current one while the
 * core still lists them, else the core's default ("" when the user has to choose).
 */
export function keptSignatory(choices: Pick<LetterChoices, "signatories" | "defaultSignatory">, current: string): string {
  if (current !== "" && choices.signatories.some((s) => s.name === current)) return current;
  return choices.defaultSignatory ?? "";
}

/**
 * Why the core says this signatory may not sign the letter at hand (only the answer letter
 * depends on the signatory's authority); null when nothing blocks or the signatory is not
 * listed (the backend checks everything again when the letter is issued).
 */
export function signatoryBlock(signatories: readonly SignatoryChoice[], kind: LetterKind, signatory: string): string | null {
  if (kind !== "answer") return null;
  const chosen = signatories.find((s) => s.name === signatory);
  if (!chosen || chosen.maySignAnswer) return null;
  return chosen.whyNot ?? `${chosen.name} ne peut pas signer cette réponse.`;
}

/** The request sent to preview_letter / open_draft_letter / issue_letter. */
export function letterRequest(kind: LetterKind, signatory: string, expectedOn: string, note: string): LetterRequest {
  return kind === "holding"
    ? { kind, signatory, holding: { expectedOn, note: note.trim() } }
    : { kind, signatory, holding: null };
}

/** The inline fields of the letter form (wire names). */
export const LETTER_FIELDS = ["signatory", "expectedOn", "note", "gesture", "kind"] as const;

export interface LetterErrors {
  /** Inline messages by field ("signatory", "expectedOn", "note", "gesture", "kind"). */
  fields: Record<string, string>;
  /** A setting is missing: the message, shown with a link to the Settings screen. */
  settings: string | null;
  /** Anything else. */
  general: string | null;
}

/** Settings keys (firm identity, mediator, letter options, templates) a letter needs. */
export function isSettingsField(field: string): boolean {
  return /^(firm|mediator|letters|template|authority)\./.test(field.trim());
}

/**
 * The setting a refusal names when a setting is missing ("mediator.address"): the Settings
 * link leads to it. Null for any other refusal.
 */
export function missingSettingKey(err: Pick<AppError, "field">): string | null {
  return err.field && isSettingsField(err.field) ? err.field.trim() : null;
}

/** The warning of a client without a postal address: no letter may be issued to them. */
export const NO_POSTAL_ADDRESS_TEXT = {
  before: "Le client n'a pas d'adresse postale\u00A0: une lettre ne peut pas être émise. Renseignez l'adresse (",
  link: "Modifier les informations",
  after: ") ou envoyez la réponse par e-mail et indiquez ce mode d'envoi.",
} as const;

/** Why the issue button is disabled for a client without a postal address. */
export const NO_POSTAL_ADDRESS_BLOCK = "Le client n'a pas d'adresse postale\u00A0: une lettre ne peut pas être émise.";

/** Where a refusal of preview_letter / open_draft_letter / issue_letter is shown. */
export function routeLetterError(err: AppError): LetterErrors {
  const out: LetterErrors = { fields: {}, settings: null, general: null };
  if (err.field) {
    if (isSettingsField(err.field)) {
      out.settings = err.message;
      return out;
    }
    const field = normalizeField(err.field).replace(/^(holding|request)\./, "");
    if ((LETTER_FIELDS as readonly string[]).includes(field)) {
      out.fields[field] = err.message;
      return out;
    }
  }
  out.general = errorSentence(err);
  return out;
}

/** Replace characters that file systems refuse. */
function safeFilePart(s: string): string {
  return s.trim().replace(/[\\/:*?"<>|\s]+/g, "-");
}

/**
 * Default file name of a saved copy: "REC-2026-0001-accuse-reception.pdf"; the second
 * letter of the same kind gets "-2", and so on (by issue order).
 */
export function letterFileName(reference: string, letter: Pick<LetterMeta, "id" | "kind">, letters: readonly Pick<LetterMeta, "id" | "kind">[] = []): string {
  const rank = letters.filter((l) => l.kind === letter.kind && l.id <= letter.id).length;
  const suffix = rank > 1 ? `-${rank}` : "";
  return `${safeFilePart(reference)}-${FILE_SLUGS[letter.kind] ?? safeFilePart(letter.kind)}${suffix}.pdf`;
}

/** The latest issued letter of a kind, or null. */
export function lastLetterOf(letters: readonly LetterMeta[], kind: LetterKind): LetterMeta | null {
  let last: LetterMeta | null = null;
  for (const l of letters) if (l.kind === kind && (last === null || l.id > last.id)) last = l;
  return last;
}

/**
 * What the form can tell before asking the backend (which checks everything again):
 * a signatory is chosen; a holding letter has a date, not after the latest date the core
 * allows (`latestHoldingDate`), and a progress note. Messages by field; empty when nothing
 * is missing.
 */
export function checkLetterForm(
  kind: LetterKind,
  signatory: string,
  expectedOn: string,
  note: string,
  latestHoldingDate: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (signatory.trim() === "") errors.signatory = "Choisissez le signataire.";
  if (kind === "holding") {
    if (expectedOn === "") {
      errors.expectedOn = "Indiquez la date de réponse prévue.";
    } else if (latestHoldingDate !== "" && expectedOn > latestHoldingDate) {
      errors.expectedOn = `La réponse doit être donnée au plus tard le ${formatDate(latestHoldingDate)}\u00A0: annoncez une date antérieure.`;
    }
    if (note.trim() === "") errors.note = "Indiquez où en est le traitement de la réclamation.";
  }
  return errors;
}
