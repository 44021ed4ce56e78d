import { describe, expect, it } from "vitest";
import type { AuthorityCheck, Escalation, PendingApproval, RefundDue } from "../../lib/backend/types";
import { amountToWire } from "./form";
import {
  amountForInput,
  authorityLines,
  decisionRequest,
  emptyMoneyForm,
  escalationMissing,
  escalationPrefill,
  escalationRequest,
  hasMoney,
  isLate,
  missingAsErrors,
  moneyRequest,
  myRequests,
  nextApprovalNeed,
  routeErrors,
  satisfactionValue,
  sortRefundsDue,
  targetText,
  toDecide,
  type AnswerMoneyForm,
} from "./money";

const EUR = "\u00A0€";

function check(over: Partial<AuthorityCheck> = {}, req: Partial<AuthorityCheck["requirement"]> = {}): AuthorityCheck {
  return {
    requirement: { reason: false, gestureApproval: null, refundApproval: null, document: false, ...req },
    limit: "50.00",
    approvedGesture: null,
    approvedRefund: null,
    pending: false,
    missing: [],
    advice: [],
    ...over,
  };
}

const form = (over: Partial<AnswerMoneyForm>): AnswerMoneyForm => ({ ...emptyMoneyForm(), ...over });

describe("moneyRequest", () => {
  it("sends nothing for an answer without money", () => {
    expect(hasMoney(emptyMoneyForm())).toBe(false);
    expect(moneyRequest(emptyMoneyForm())).toEqual({
      gesture: null,
      gestureKind: null,
      gestureReason: null,
      refundAmount: null,
      refundBasis: null,
      refundScope: null,
      documentId: null,
    });
  });

  it("sends the gesture with its kind and reason, amounts as decimals", () => {
    expect(moneyRequest(form({ gesture: " 60,5 ", gestureKind: "freeService", gestureReason: "  Client fidèle ", documentId: "3" }))).toEqual({
      gesture: "60.50",
      gestureKind: "freeService",
      gestureReason: "Client fidèle",
      refundAmount: null,
      refundBasis: null,
      refundScope: null,
      documentId: 3,
    });
  });

  it("drops the hidden kind and reason once the gesture amount is cleared", () => {
    const req = moneyRequest(form({ gesture: "", gestureReason: "typed before" }));
    expect(req.gestureKind).toBeNull();
    expect(req.gestureReason).toBeNull();
  });

  it("sends a refund as far as it is typed, and text that is no amount as typed (the core refuses it)", () => {
    expect(moneyRequest(form({ refundAmount: "89", refundBasis: "exception" }))).toMatchObject({
      refundAmount: "89.00",
      refundBasis: "exception",
      refundScope: null,
    });
    expect(moneyRequest(form({ gesture: "soixante" })).gesture).toBe("soixante");
  });
});

describe("amounts", () => {
  it("map between what is typed and the wire", () => {
    expect(amountToWire("1 234,5 €")).toBe("1234.50");
    expect(amountToWire("  ")).toBeNull();
    expect(amountForInput("60.00")).toBe("60,00");
    expect(amountForInput(null)).toBe("");
  });
});

describe("authorityLines", () => {
  const keys = (c: AuthorityCheck) => authorityLines(c).map((l) => `${l.key}:${l.tone}`);
  const texts = (c: AuthorityCheck) => authorityLines(c).map((l) => l.text);

  it("says nothing is needed within the user's authority", () => {
    expect(texts(check())).toEqual([
      "Dans votre habilitation\u00A0: aucune validation nécessaire",
      `Votre habilitation\u00A0: geste seul jusqu'à 50,00${EUR}`,
    ]);
    expect(texts(check({ limit: null }))[1]).toBe("Votre habilitation\u00A0: sans plafond");
  });

  it("asks for the reason and the supervisor's approval of a 60 EUR gesture", () => {
    const c = check(
      {
        missing: [
          { field: "gestureReason", message: "motif" },
          { field: "gesture", message: "validation" },
        ],
      },
      { reason: true, gestureApproval: "supervisor" },
    );
    expect(keys(c)).toEqual(["reason:todo", "gestureApproval:todo", "verdict:todo", "limit:info"]);
    expect(texts(c).slice(0, 3)).toEqual([
      "Motif requis pour ce geste",
      "Validation d'un responsable requise (geste commercial)",
      "À compléter avant d'enregistrer la réponse",
    ]);
  });

  it("shows a pending request as waiting", () => {
    const c = check({ pending: true, missing: [{ field: "gesture", message: "validation" }] }, { reason: true, gestureApproval: "supervisor" });
    expect(keys(c)).toEqual(["reason:ok", "gestureApproval:wait", "pending:wait", "verdict:todo", "limit:info"]);
    expect(texts(c)).toContain("Demande en attente de décision");
    expect(texts(c)[0]).toBe("Motif requis\u00A0: noté");
  });

  it("shows what an accepted request covers, and that the answer may be saved", () => {
    const c = check({ approvedGesture: "60.00" }, { reason: true, gestureApproval: "supervisor" });
    expect(keys(c)).toEqual(["reason:ok", "gestureApproval:ok", "approvedGesture:ok", "verdict:ok", "limit:info"]);
    expect(texts(c)).toContain(`Validé jusqu'à 60,00${EUR} (geste commercial)`);
    expect(texts(c)).toContain("La réponse peut être enregistrée");
  });

  it("asks for the manager's level and the internal document of a full refund by exception", () => {
    const c = check(
      {
        missing: [
          { field: "refund", message: "validation" },
          { field: "documentId", message: "document" },
        ],
      },
      { refundApproval: "document", document: true },
    );
    expect(texts(c).slice(0, 2)).toEqual([
      "Validation d'un responsable ou du dirigeant requise (remboursement exceptionnel)",
      "Document interne requis",
    ]);
  });

  it("shows the procedure's advice without blocking the answer", () => {
    const c = check({ advice: ["Avant un remboursement exceptionnel, la procédure demande au moins 3 propositions"] });
    expect(texts(c)).toContain("Avant un remboursement exceptionnel, la procédure demande au moins 3 propositions");
    expect(texts(c)).toContain("Dans votre habilitation\u00A0: aucune validation nécessaire");
  });

  it("keeps what the core reports beyond the known fields, in its words", () => {
    const c = check({ missing: [{ field: "somethingNew", message: "Une règle nouvelle" }] });
    expect(texts(c)).toContain("Une règle nouvelle");
  });
});

describe("nextApprovalNeed and the request's prefill", () => {
  const sixty = check({ missing: [{ field: "gesture", message: "validation" }] }, { reason: true, gestureApproval: "supervisor" });

  it("asks for the gesture typed, at the core's level", () => {
    expect(nextApprovalNeed(sixty, form({ gesture: "60" }), [])).toEqual({
      subject: "gesture",
      amount: "60.00",
      refundScope: null,
      level: "supervisor",
    });
  });

  it("asks nothing when the check is met or a request already waits", () => {
    expect(nextApprovalNeed(check({}, { gestureApproval: "supervisor" }), form({ gesture: "60" }), [])).toBeNull();
    expect(nextApprovalNeed(sixty, form({ gesture: "60" }), [{ subject: "gesture", status: "pending" }])).toBeNull();
    expect(nextApprovalNeed(sixty, form({ gesture: "60" }), [{ subject: "gesture", status: "refused" }])).not.toBeNull();
  });

  it("asks for the refund with its scope when the gesture is covered", () => {
    const c = check({ missing: [{ field: "refund", message: "validation" }] }, { refundApproval: "document", document: true });
    expect(nextApprovalNeed(c, form({ refundAmount: "200", refundBasis: "exception", refundScope: "full" }), [])).toEqual({
      subject: "refund",
      amount: "200.00",
      refundScope: "full",
      level: "document",
    });
  });

  it("prefills the amount, the reason noted, the refused proposals and the document", () => {
    const need = nextApprovalNeed(sixty, form({ gesture: "60" }), [])!;
    const prefill = escalationPrefill(need, { gestureReason: " Client fidèle ", documentId: "4" }, [
      { description: "Avoir de 20 €", response: "refused", respondedOn: "2026-05-06", proposedOn: "2026-05-04" },
      { description: "Mois offert", response: "pending", respondedOn: null, proposedOn: "2026-05-05" },
    ]);
    expect(prefill).toEqual({
      subject: "gesture",
      amount: "60,00",
      refundScope: null,
      reason: "Client fidèle",
      refusedProposal: "Avoir de 20 € (refusée le 06/05/2026)",
      analysis: "",
      documentId: "4",
    });
    expect(escalationRequest({ ...prefill, analysis: " Retard de gestion avéré " })).toEqual({
      subject: "gesture",
      amount: "60.00",
      refundScope: null,
      reason: "Client fidèle",
      refusedProposal: "Avoir de 20 € (refusée le 06/05/2026)",
      analysis: "Retard de gestion avéré",
      documentId: 4,
    });
  });

  it("says which texts are missing, and the document at its level", () => {
    const blank = { subject: "refund" as const, amount: "200", refundScope: "full" as const, reason: "", refusedProposal: " ", analysis: "", documentId: "" };
    expect(Object.keys(escalationMissing(blank, "supervisor"))).toEqual(["reason", "refusedProposal", "analysis"]);
    expect(Object.keys(escalationMissing(blank, "document"))).toEqual(["reason", "refusedProposal", "analysis", "documentId"]);
    expect(Object.keys(escalationMissing(blank, null))).toEqual(["reason", "refusedProposal", "analysis"]);
  });
});

describe("decisionRequest", () => {
  it("keeps a lower amount only, and none for a refusal", () => {
    expect(decisionRequest(true, "60,00", "60.00", " D'accord ")).toEqual({ accept: true, amount: null, reason: "D'accord" });
    expect(decisionRequest(true, "45", "60.00", "Plafonné")).toEqual({ accept: true, amount: "45.00", reason: "Plafonné" });
    expect(decisionRequest(false, "60", "60.00", "Non")).toEqual({ accept: false, amount: null, reason: "Non" });
  });
});

describe("target times", () => {
  const now = new Date(2026, 4, 7, 13, 0);
  const at = (h: number, m: number, day = 7) => new Date(2026, 4, day, h, m).toISOString();

  it("reads the approver's target in local time", () => {
    expect(targetText(at(14, 30), now)).toBe("à valider avant 14:30");
    expect(targetText(at(9, 5, 8), now)).toBe("à valider avant le 08/05/2026 à 09:05");
  });

  it("is late only while pending and past the target", () => {
    expect(isLate({ status: "pending", dueAt: at(12, 59) }, now)).toBe(true);
    expect(isLate({ status: "pending", dueAt: at(14, 30) }, now)).toBe(false);
    expect(isLate({ status: "accepted", dueAt: at(12, 0) }, now)).toBe(false);
  });
});

describe("work lists", () => {
  const esc = (id: number, dueAt: string, requestedAt = dueAt): Escalation => ({
    id,
    subject: "gesture",
    amount: "60.00",
    refundScope: null,
    level: "supervisor",
    reason: "r",
    refusedProposal: "p",
    analysis: "a",
    documentId: null,
    requestedBy: "Paul Durand",
    requestedAt,
    dueAt,
    status: "pending",
    decidedAmount: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
  });
  const pending = (id: number, dueAt: string, late: boolean, mayDecide: boolean, mine: boolean): PendingApproval => ({
    reference: `REC-2026-000${id}`,
    clientName: "Client",
    escalation: esc(id, dueAt),
    late,
    mayDecide,
    mine,
  });

  it("lists the requests to decide, late first, then by target", () => {
    const list = [
      pending(1, "2026-05-07T14:00:00Z", false, true, false),
      pending(2, "2026-05-07T15:00:00Z", true, true, false),
      pending(3, "2026-05-07T12:00:00Z", false, true, false),
      pending(4, "2026-05-07T10:00:00Z", false, false, true),
    ];
    expect(toDecide(list).map((p) => p.escalation.id)).toEqual([2, 3, 1]);
    expect(myRequests(list).map((p) => p.escalation.id)).toEqual([4]);
  });

  it("lists the refunds to pay, late first", () => {
    const due = (reference: string, dueOn: string, late: boolean): RefundDue => ({
      reference,
      clientName: "C",
      amount: "10",
      decidedOn: "2026-05-01",
      dueOn,
      late,
    });
    expect(sortRefundsDue([due("A", "2026-05-20", false), due("B", "2026-05-25", true), due("C", "2026-05-15", false)]).map((d) => d.reference)).toEqual([
      "B",
      "C",
      "A",
    ]);
  });
});

describe("routeErrors", () => {
  const known = ["gesture", "gestureReason", "documentId"];

  it("puts every field of a multi-field refusal beside its input", () => {
    expect(
      routeErrors(
        {
          code: "validation",
          message: "motif",
          field: "gestureReason",
          fields: [
            { field: "gestureReason", message: "motif" },
            { field: "gesture", message: "validation" },
            { field: "escalation", message: "déjà demandé" },
          ],
        },
        known,
      ),
    ).toEqual({ fields: { gestureReason: "motif", gesture: "validation" }, general: "déjà demandé" });
  });

  it("routes one field, or the message, as the backend sends it", () => {
    expect(routeErrors({ code: "validation", message: "motif", field: "gestureReason" }, known)).toEqual({
      fields: { gestureReason: "motif" },
      general: null,
    });
    expect(routeErrors({ code: "forbidden", message: "on ne valide pas sa propre demande" }, known)).toEqual({
      fields: {},
      general: "on ne valide pas sa propre demande",
    });
  });

  it("turns what the check still misses into inline messages", () => {
    expect(missingAsErrors([{ field: "gesture", message: "a" }, { field: "gesture", message: "b" }])).toEqual({ gesture: "a" });
  });
});

describe("satisfactionValue", () => {
  it("reads 1 to 5, and nothing else", () => {
    expect(satisfactionValue("")).toBeNull();
    expect(satisfactionValue("4")).toBe(4);
    expect(satisfactionValue("6")).toBeNull();
    expect(satisfactionValue("2.5")).toBeNull();
  });
});
