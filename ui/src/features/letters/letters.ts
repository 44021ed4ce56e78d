// Letters of a complaint file ("Courriers"): which letter fits the complaint's state,
// who may sign, where a refusal belongs on screen, the file name of a saved copy and
// whether a goodwill gesture has been approved. Pure logic, tested without a backend.
import type {
  AppError,
  Approval,
  ComplaintView,
  LetterKind,
  LetterMeta,
  LetterRequest,
  User,
} from "../../lib/backend/types";
import { LETTER_KIND_LABELS } from "../../lib/backend/labels";
import { formatDate, formatMoney } from "../../lib/format";
import { normalizeField } from "../complaint/fields";

/** Part of the default file name of a saved copy. */
const FILE_SLUGS: Readonly<Record<LetterKind, string>> = {
  ack: "accuse-reception",
  holding: "lettre-attente",
  answer: "reponse",
};

export function letterKindLabel(kind: string): string {
  return LETTER_KIND_LABELS[kind as LetterKind] ?? kind;
}

/** A letter the "Rédiger un courrier" area offers. */
export interface LetterOffer {
  kind: LetterKind;
  /** A letter of this kind was already issued: this one is a corrected version. */
  newVersion: boolean;
}

export type LetterState = Pick<ComplaintView, "status" | "answer" | "letters">;

/**
 * The letters that fit the complaint now, the usual one first:
 * - received: the acknowledgement;
 * - acknowledged, no answer yet: a holding letter, and a new version of the
 *   acknowledgement if one was issued;
 * - answer recorded (answered or closed): the answer letter (a new version if one was issued).
 */
export function offeredLetters(view: LetterState): LetterOffer[] {
  const issued = (kind: LetterKind) => view.letters.some((l) => l.kind === kind);
  if (view.answer !== null) return [{ kind: "answer", newVersion: issued("answer") }];
  switch (view.status) {
    case "received":
      return [{ kind: "ack", newVersion: issued("ack") }];
    case "acknowledged": {
      const offers: LetterOffer[] = [{ kind: "holding", newVersion: false }];
      if (issued("ack")) offers.push({ kind: "ack", newVersion: true });
      return offers;
    }
    default:
      return [];
  }
}

/** The kind to show: the one the user picked if still offered, else the usual one. */
export function selectedOffer(offers: readonly LetterOffer[], picked: LetterKind | null): LetterOffer | null {
  return offers.find((o) => o.kind === picked) ?? offers[0] ?? null;
}

/** Active users allowed to sign letters. */
export function signatories(users: readonly User[]): User[] {
  return users.filter((u) => u.active && u.canSign);
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Who signs by default: the current user if they may sign, else the complaint's handler
 * if they may, else the only signatory; "" when the user has to choose.
 */
export function defaultSignatory(users: readonly User[], actor: string, handler: string | null): string {
  const list = signatories(users);
  const find = (name: string | null) => (name ? list.find((u) => sameName(u.name, name)) : undefined);
  const chosen = find(actor) ?? find(handler) ?? (list.length === 1 ? list[0] : undefined);
  return chosen?.name ?? "";
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
  out.general = err.message;
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

const DECIMAL = /^\s*(\d+)(?:\.(\d{0,2})\d*)?\s*$/;

/** A wire amount ("150.5") in cents, exactly (no float); null when unreadable. */
export function amountToCents(amount: string): bigint | null {
  const m = DECIMAL.exec(amount);
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] ?? "").padEnd(2, "0"));
}

export interface GestureApprovalState {
  /** The gesture of the recorded answer (wire amount). */
  gesture: string;
  /** An approval covers the gesture (amount at least the gesture): no further approval is needed. */
  covered: boolean;
}

/** Approval state of the answer's goodwill gesture; null when the answer grants none. */
export function gestureApproval(view: Pick<ComplaintView, "answer"> & { approvals: readonly Approval[] }): GestureApprovalState | null {
  const gesture = view.answer?.gesture ?? null;
  if (gesture === null || gesture.trim() === "") return null;
  const need = amountToCents(gesture);
  const covered = view.approvals.some((a) => {
    const got = amountToCents(a.amount);
    return need !== null && got !== null && got >= need;
  });
  return { gesture, covered };
}

/**
 * Why an answer letter cannot go out under this signatory: its gesture is above the
 * signatory's authority and no approval covers it. Null when nothing blocks (the backend
 * checks it again when the letter is issued).
 */
export function authorityBlock(
  view: Pick<ComplaintView, "answer"> & { approvals: readonly Approval[] },
  users: readonly Pick<User, "name" | "authority">[],
  signatory: string,
): string | null {
  const state = gestureApproval(view);
  if (state === null || state.covered) return null;
  const user = users.find((u) => u.name === signatory);
  if (!user || user.authority === null) return null;
  const gesture = amountToCents(state.gesture);
  const limit = amountToCents(user.authority);
  if (gesture === null || limit === null || gesture <= limit) return null;
  return (
    `Montant au-delà de l'habilitation de ${user.name} (${formatMoney(user.authority)})\u00A0: ` +
    `validation requise avant d'émettre la réponse.`
  );
}

/**
 * What the form can tell before asking the backend (which checks everything again):
 * a signatory is chosen; a holding letter has a date, not after the answer deadline,
 * and a progress note. Messages by field; empty when nothing is missing.
 */
export function checkLetterForm(
  kind: LetterKind,
  signatory: string,
  expectedOn: string,
  note: string,
  answerDue: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (signatory.trim() === "") errors.signatory = "Choisissez le signataire.";
  if (kind === "holding") {
    if (expectedOn === "") {
      errors.expectedOn = "Indiquez la date de réponse prévue.";
    } else if (answerDue !== "" && expectedOn > answerDue) {
      errors.expectedOn = `La réponse doit être donnée au plus tard le ${formatDate(answerDue)}\u00A0: annoncez une date antérieure.`;
    }
    if (note.trim() === "") errors.note = "Indiquez où en est le traitement de la réclamation.";
  }
  return errors;
}
