// The money an answer decides (a commercial gesture, a refund, the internal document), the
// requests for approval ("demandes de validation") and their decisions, as the forms hold
// them. The authority matrix is the core's: these functions only map what the user typed to
// the wire, and what the core answered (`authority_check`) to the French lines shown.
// Pure functions: unit-tested, no Svelte, no Tauri.
import type {
  AnswerMoneyReq,
  AppError,
  ApprovalLevel,
  AuthorityCheck,
  Escalation,
  EscalationDecision,
  EscalationSubject,
  FieldError,
  GestureKind,
  NewEscalation,
  PendingApproval,
  Proposal,
  RefundBasis,
  RefundDue,
  RefundScope,
} from "../../lib/backend/types";
import { formatDate, formatMoney, parseAmountInput } from "../../lib/format";
import { normalizeField, splitError } from "./fields";
import { amountToWire } from "./form";

/** The answer's money as typed: every input a string ("" = nothing chosen). */
export interface AnswerMoneyForm {
  gesture: string;
  gestureKind: GestureKind;
  gestureReason: string;
  refundAmount: string;
  refundBasis: RefundBasis | "";
  refundScope: RefundScope | "";
  /** The id of an attachment of the file, as the select holds it ("" = none). */
  documentId: string;
}

export function emptyMoneyForm(): AnswerMoneyForm {
  return {
    gesture: "",
    gestureKind: "credit",
    gestureReason: "",
    refundAmount: "",
    refundBasis: "",
    refundScope: "",
    documentId: "",
  };
}

/** A gesture amount has been typed (its kind and reason are asked for then). */
export function hasGesture(f: AnswerMoneyForm): boolean {
  return f.gesture.trim() !== "";
}

/** Something of a refund has been typed or chosen. */
export function hasRefund(f: AnswerMoneyForm): boolean {
  return f.refundAmount.trim() !== "" || f.refundBasis !== "" || f.refundScope !== "";
}

/** The answer decides some money: the authority matrix applies. */
export function hasMoney(f: AnswerMoneyForm): boolean {
  return hasGesture(f) || hasRefund(f);
}

/** A wire decimal as the user types amounts: "60.00" -> "60,00". */
export function amountForInput(wire: string | null | undefined): string {
  return (wire ?? "").replace(".", ",");
}

function textOrNull(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

/**
 * The money of the answer as the core reads it (`answer`, `authority_check`). The gesture's
 * kind and reason go only with a gesture amount: their fields are hidden without one.
 */
export function moneyRequest(f: AnswerMoneyForm): AnswerMoneyReq {
  const gesture = hasGesture(f);
  const refund = hasRefund(f);
  const documentId = f.documentId === "" ? null : Number(f.documentId);
  return {
    gesture: gesture ? amountToWire(f.gesture) : null,
    gestureKind: gesture ? f.gestureKind : null,
    gestureReason: gesture ? textOrNull(f.gestureReason) : null,
    refundAmount: refund ? amountToWire(f.refundAmount) : null,
    refundBasis: refund && f.refundBasis !== "" ? f.refundBasis : null,
    refundScope: refund && f.refundScope !== "" ? f.refundScope : null,
    documentId: documentId !== null && Number.isInteger(documentId) ? documentId : null,
  };
}

/** The refund basis gives the client a right: no approval is asked for it. */
export function isLegalBasis(basis: RefundBasis | ""): boolean {
  return basis === "withdrawal" || basis === "billingError" || basis === "otherLegal";
}

// ---- What the authority check says -------------------------------------------------------

/** ok: met; todo: to do before saving; wait: a request waits for its decision; info: context. */
export type LineTone = "ok" | "todo" | "wait" | "info";

export interface AuthorityLine {
  /** Stable key, for the list and the tests ("reason", "gestureApproval"...). */
  key: string;
  tone: LineTone;
  text: string;
}

function approvalText(level: ApprovalLevel, what: string): string {
  return level === "document"
    ? `Validation d'un responsable ou du dirigeant requise (${what})`
    : `Validation d'un responsable requise (${what})`;
}

/** The fields the core still finds missing, canonical names ("gesture", "documentId"...). */
export function missingFields(check: Pick<AuthorityCheck, "missing">): Set<string> {
  return new Set(check.missing.map((m) => normalizeField(m.field)));
}

/**
 * The French lines of the requirement panel: what the money needs from the user (reason,
 * approval, internal document), what already covers it ("Validé jusqu'à …"), a request waiting
 * ("Demande en attente"), and whether the answer may be saved now.
 */
export function authorityLines(check: AuthorityCheck): AuthorityLine[] {
  const req = check.requirement;
  const missing = missingFields(check);
  const lines: AuthorityLine[] = [];
  const approvalTone = (field: string): LineTone => {
    if (!missing.has(field)) return "ok";
    return check.pending ? "wait" : "todo";
  };
  if (req.reason) {
    lines.push({
      key: "reason",
      tone: missing.has("gestureReason") ? "todo" : "ok",
      text: missing.has("gestureReason") ? "Motif requis pour ce geste" : "Motif requis\u00A0: noté",
    });
  }
  if (req.gestureApproval) {
    lines.push({ key: "gestureApproval", tone: approvalTone("gesture"), text: approvalText(req.gestureApproval, "geste commercial") });
  }
  if (check.approvedGesture) {
    lines.push({ key: "approvedGesture", tone: "ok", text: `Validé jusqu'à ${formatMoney(check.approvedGesture)} (geste commercial)` });
  }
  if (req.refundApproval) {
    lines.push({
      key: "refundApproval",
      tone: approvalTone("refund"),
      text: approvalText(req.refundApproval, "remboursement exceptionnel"),
    });
  }
  if (check.approvedRefund) {
    lines.push({ key: "approvedRefund", tone: "ok", text: `Validé jusqu'à ${formatMoney(check.approvedRefund)} (remboursement)` });
  }
  if (req.document) {
    lines.push({
      key: "document",
      tone: missing.has("documentId") ? "todo" : "ok",
      text: missing.has("documentId") ? "Document interne requis" : "Document interne requis\u00A0: joint",
    });
  }
  if (check.pending) {
    lines.push({ key: "pending", tone: "wait", text: "Demande en attente de décision" });
  }
  // Anything else the core reports (a field this list does not know yet): its own words.
  const known = new Set(["gestureReason", "gesture", "refund", "documentId"]);
  for (const m of check.missing) {
    if (!known.has(normalizeField(m.field))) lines.push({ key: `missing-${m.field}`, tone: "todo", text: m.message });
  }
  lines.push(
    check.missing.length === 0
      ? {
          key: "verdict",
          tone: "ok",
          text:
            lines.length === 0
              ? "Dans votre habilitation\u00A0: aucune validation nécessaire"
              : "La réponse peut être enregistrée",
        }
      : { key: "verdict", tone: "todo", text: "À compléter avant d'enregistrer la réponse" },
  );
  // The procedure's advice (not blocking), in the core's words.
  check.advice.forEach((text, i) => lines.push({ key: `advice-${i}`, tone: "info", text }));
  lines.push({
    key: "limit",
    tone: "info",
    text: check.limit ? `Votre habilitation\u00A0: geste seul jusqu'à ${formatMoney(check.limit)}` : "Votre habilitation\u00A0: sans plafond",
  });
  return lines;
}

// ---- Requests for approval -----------------------------------------------------------------

/** What a request for approval should ask for, from the check and the form. */
export interface ApprovalNeed {
  subject: EscalationSubject;
  /** Wire decimal ("60.00"). */
  amount: string;
  refundScope: RefundScope | null;
  /** The level the core named; null when not known here (the core checks it on sending). */
  level: ApprovalLevel | null;
}

/**
 * The approval the answer still lacks and no pending request already asks for: the gesture
 * first, then the refund; null when nothing is to be requested (or an amount is unreadable).
 */
export function nextApprovalNeed(
  check: AuthorityCheck,
  form: AnswerMoneyForm,
  escalations: readonly Pick<Escalation, "subject" | "status">[],
): ApprovalNeed | null {
  const missing = missingFields(check);
  const waiting = (s: EscalationSubject) => escalations.some((e) => e.subject === s && e.status === "pending");
  const gesture = parseAmountInput(form.gesture);
  if (check.requirement.gestureApproval && missing.has("gesture") && typeof gesture === "string" && !waiting("gesture")) {
    return { subject: "gesture", amount: gesture, refundScope: null, level: check.requirement.gestureApproval };
  }
  const refund = parseAmountInput(form.refundAmount);
  if (check.requirement.refundApproval && missing.has("refund") && typeof refund === "string" && !waiting("refund")) {
    return {
      subject: "refund",
      amount: refund,
      refundScope: form.refundScope === "" ? null : form.refundScope,
      level: check.requirement.refundApproval,
    };
  }
  return null;
}

/** The request for approval as typed. */
export interface EscalationForm {
  subject: EscalationSubject;
  amount: string;
  refundScope: RefundScope | null;
  reason: string;
  refusedProposal: string;
  analysis: string;
  /** Attachment id as the select holds it ("" = none). */
  documentId: string;
}

/**
 * The request form opened from a need: the amount and subject asked for, the gesture's reason
 * already noted, the proposals the client refused, and the internal document already chosen.
 */
export function escalationPrefill(
  need: ApprovalNeed,
  form: Pick<AnswerMoneyForm, "gestureReason" | "documentId">,
  proposals: readonly Pick<Proposal, "description" | "response" | "respondedOn" | "proposedOn">[],
): EscalationForm {
  const refused = proposals
    .filter((p) => p.response === "refused")
    .map((p) => `${p.description} (refusée le ${formatDate(p.respondedOn ?? p.proposedOn)})`);
  return {
    subject: need.subject,
    amount: amountForInput(need.amount),
    refundScope: need.refundScope,
    reason: need.subject === "gesture" ? form.gestureReason.trim() : "",
    refusedProposal: refused.join("\n"),
    analysis: "",
    documentId: form.documentId,
  };
}

/** What the form checks before asking the core: the three texts, the document at its level. */
export function escalationMissing(f: EscalationForm, level: ApprovalLevel | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.amount.trim() === "") out.amount = "Indiquez le montant en jeu.";
  if (f.reason.trim() === "") out.reason = "Indiquez le motif de la demande.";
  if (f.refusedProposal.trim() === "") out.refusedProposal = "Indiquez la proposition déjà refusée par le client.";
  if (f.analysis.trim() === "") out.analysis = "Indiquez votre analyse du dossier.";
  if (level === "document" && f.documentId === "") {
    out.documentId = "À ce niveau, joignez le document interne (une pièce jointe du dossier).";
  }
  return out;
}

export function escalationRequest(f: EscalationForm): NewEscalation {
  const documentId = f.documentId === "" ? null : Number(f.documentId);
  return {
    subject: f.subject,
    amount: amountToWire(f.amount) ?? "",
    refundScope: f.subject === "refund" ? f.refundScope : null,
    reason: f.reason.trim(),
    refusedProposal: f.refusedProposal.trim(),
    analysis: f.analysis.trim(),
    documentId: documentId !== null && Number.isInteger(documentId) ? documentId : null,
  };
}

// ---- Decisions ------------------------------------------------------------------------------

/**
 * An approver's decision: an acceptance keeps the amount only when it differs from the one
 * asked (a lower amount), a refusal has none.
 */
export function decisionRequest(accept: boolean, amount: string, asked: string, reason: string): EscalationDecision {
  const typed = accept ? amountToWire(amount) : null;
  return {
    accept,
    amount: typed === null || typed === asked ? null : typed,
    reason: reason.trim(),
  };
}

// ---- Times ----------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, "0");

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/**
 * The approver's target as the list says it: "à valider avant 14:30" today, "à valider avant
 * le 08/05/2026 à 09:15" another day (local time of the office).
 */
export function targetText(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return `à valider avant ${dueAt}`;
  const time = `${pad2(due.getHours())}:${pad2(due.getMinutes())}`;
  if (sameLocalDay(due, now)) return `à valider avant ${time}`;
  return `à valider avant le ${pad2(due.getDate())}/${pad2(due.getMonth() + 1)}/${due.getFullYear()} à ${time}`;
}

/** A pending request past its target time. */
export function isLate(e: Pick<Escalation, "status" | "dueAt">, now: Date): boolean {
  const due = new Date(e.dueAt).getTime();
  return e.status === "pending" && !Number.isNaN(due) && now.getTime() > due;
}

// ---- Work lists ("Aujourd'hui") --------------------------------------------------------

/** The requests the user may decide: the late ones first, then by target time. */
export function toDecide(list: readonly PendingApproval[]): PendingApproval[] {
  return list
    .filter((p) => p.mayDecide)
    .sort((a, b) => Number(b.late) - Number(a.late) || a.escalation.dueAt.localeCompare(b.escalation.dueAt));
}

/** The user's own requests waiting for a decision, oldest first. */
export function myRequests(list: readonly PendingApproval[]): PendingApproval[] {
  return list.filter((p) => p.mine).sort((a, b) => a.escalation.requestedAt.localeCompare(b.escalation.requestedAt));
}

/** Refunds to pay: the late ones first, then by due date. */
export function sortRefundsDue(list: readonly RefundDue[]): RefundDue[] {
  return [...list].sort((a, b) => Number(b.late) - Number(a.late) || a.dueOn.localeCompare(b.dueOn));
}

// ---- Errors ---------------------------------------------------------------------------------

/**
 * Route a refusal to the fields of a form: every field of `fields` (when the core reports
 * several) or `field`, when the form has it; the rest to the general banner.
 */
export function routeErrors(
  err: AppError & { fields?: FieldError[] },
  known: Iterable<string>,
): { fields: Record<string, string>; general: string | null } {
  return splitError(err, known);
}

/** The fields the check still finds missing, as inline messages (to complete a refusal). */
export function missingAsErrors(missing: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of missing) {
    const name = normalizeField(m.field);
    if (!(name in out)) out[name] = m.message;
  }
  return out;
}

// ---- Satisfaction at closure ----------------------------------------------------------

export const SATISFACTION_LABELS: Readonly<Record<number, string>> = {
  1: "1 — Très insatisfait",
  2: "2 — Insatisfait",
  3: "3 — Neutre",
  4: "4 — Satisfait",
  5: "5 — Très satisfait",
};

/** The select's value ("" = not given) -> the wire's 1..5 or null. */
export function satisfactionValue(s: string): number | null {
  const n = Number(s);
  return s !== "" && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}
