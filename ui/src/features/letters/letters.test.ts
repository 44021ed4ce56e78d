import { describe, expect, it } from "vitest";
import type { Answer, Approval, LetterMeta, Status, User } from "../../lib/backend/types";
import {
  authorityBlock,
  amountToCents,
  checkLetterForm,
  defaultSignatory,
  gestureApproval,
  lastLetterOf,
  letterFileName,
  letterKindLabel,
  letterRequest,
  offeredLetters,
  routeLetterError,
  selectedOffer,
  signatories,
} from "./letters";

function letter(id: number, kind: LetterMeta["kind"]): LetterMeta {
  return {
    id,
    kind,
    signatory: "Claire Martin",
    size: 41_000,
    sha256: "ab".repeat(32),
    issuedAt: "2026-05-12T09:30:00Z",
    issuedBy: "Claire Martin",
  };
}

const ANSWER: Answer = { on: "2026-06-01", outcome: "partial", summary: "Motifs", gesture: null };

function state(status: Status, answer: Answer | null, letters: LetterMeta[] = []) {
  return { status, answer, letters };
}

function user(id: number, name: string, role: User["role"], canSign: boolean, active = true): User {
  return { id, name, role, canSign, maxGesture: null, active, authority: null, hasSignature: false };
}

describe("offeredLetters", () => {
  it("offers the acknowledgement of a received complaint", () => {
    expect(offeredLetters(state("received", null))).toEqual([{ kind: "ack", newVersion: false }]);
  });

  it("offers a holding letter once acknowledged, and a new acknowledgement only if one was issued", () => {
    expect(offeredLetters(state("acknowledged", null))).toEqual([{ kind: "holding", newVersion: false }]);
    expect(offeredLetters(state("acknowledged", null, [letter(1, "ack"), letter(2, "holding")]))).toEqual([
      { kind: "holding", newVersion: false },
      { kind: "ack", newVersion: true },
    ]);
  });

  it("offers the answer letter once the answer is recorded, also when closed", () => {
    expect(offeredLetters(state("answered", ANSWER))).toEqual([{ kind: "answer", newVersion: false }]);
    expect(offeredLetters(state("closed", ANSWER, [letter(1, "ack")]))).toEqual([{ kind: "answer", newVersion: false }]);
    expect(offeredLetters(state("answered", ANSWER, [letter(1, "ack"), letter(4, "answer")]))).toEqual([
      { kind: "answer", newVersion: true },
    ]);
  });

  it("offers nothing in an inconsistent state", () => {
    expect(offeredLetters(state("closed", null))).toEqual([]);
  });
});

describe("selectedOffer", () => {
  const offers = offeredLetters(state("acknowledged", null, [letter(1, "ack")]));
  it("keeps the user's pick while it is offered, else the usual letter", () => {
    expect(selectedOffer(offers, "ack")?.kind).toBe("ack");
    expect(selectedOffer(offers, null)?.kind).toBe("holding");
    expect(selectedOffer(offers, "answer")?.kind).toBe("holding");
    expect(selectedOffer([], "ack")).toBeNull();
  });
});

describe("signatories", () => {
  const users = [
    user(1, "Claire Martin", "advisor", false),
    user(2, "Paul Durand", "supervisor", true),
    user(3, "Anne Leroy", "manager", true),
    user(4, "Ancien", "manager", true, false),
  ];

  it("lists active users allowed to sign", () => {
    expect(signatories(users).map((u) => u.name)).toEqual(["Paul Durand", "Anne Leroy"]);
  });

  it("defaults to the current user, then the handler, then the only signatory", () => {
    expect(defaultSignatory(users, "anne leroy ", null)).toBe("Anne Leroy");
    expect(defaultSignatory(users, "Claire Martin", "Paul Durand")).toBe("Paul Durand");
    expect(defaultSignatory(users, "Claire Martin", "Claire Martin")).toBe("");
    expect(defaultSignatory(users, "Ancien", null)).toBe("");
    expect(defaultSignatory(users.slice(0, 2), "Claire Martin", null)).toBe("Paul Durand");
    expect(defaultSignatory([], "Claire Martin", null)).toBe("");
  });
});

describe("letterRequest", () => {
  it("sends the holding info only for a holding letter", () => {
    expect(letterRequest("ack", "Anne", "2026-06-01", "x")).toEqual({ kind: "ack", signatory: "Anne", holding: null });
    expect(letterRequest("holding", "Anne", "2026-06-20", "  En attente de l'assureur. ")).toEqual({
      kind: "holding",
      signatory: "Anne",
      holding: { expectedOn: "2026-06-20", note: "En attente de l'assureur." },
    });
  });
});

describe("checkLetterForm", () => {
  it("asks for a signatory", () => {
    expect(checkLetterForm("ack", " ", "", "", "2026-07-07")).toEqual({ signatory: "Choisissez le signataire." });
    expect(checkLetterForm("answer", "Anne", "", "", "2026-07-07")).toEqual({});
  });

  it("checks the holding letter's date against the answer deadline, and its note", () => {
    expect(Object.keys(checkLetterForm("holding", "Anne", "", "", "2026-07-07")).sort()).toEqual(["expectedOn", "note"]);
    expect(checkLetterForm("holding", "Anne", "2026-07-08", "Expertise", "2026-07-07")).toEqual({
      expectedOn: "La réponse doit être donnée au plus tard le 07/07/2026\u00A0: annoncez une date antérieure.",
    });
    expect(checkLetterForm("holding", "Anne", "2026-07-07", "Expertise", "2026-07-07")).toEqual({});
  });
});

describe("routeLetterError", () => {
  it("puts form fields inline", () => {
    expect(routeLetterError({ code: "validation", message: "inconnu", field: "signatory" })).toEqual({
      fields: { signatory: "inconnu" },
      settings: null,
      general: null,
    });
    expect(routeLetterError({ code: "validation", message: "date", field: "holding.expectedOn" }).fields).toEqual({
      expectedOn: "date",
    });
    expect(routeLetterError({ code: "validation", message: "geste", field: "gesture" }).fields).toEqual({ gesture: "geste" });
    expect(routeLetterError({ code: "validation", message: "étape", field: "kind" }).fields).toEqual({ kind: "étape" });
  });

  it("sends missing settings to the banner with the Settings link", () => {
    for (const field of ["firm.name", "firm.address", "firm.orias", "mediator.name", "mediator.address", "mediator.website"]) {
      expect(routeLetterError({ code: "validation", message: "manquant", field })).toEqual({
        fields: {},
        settings: "manquant",
        general: null,
      });
    }
  });

  it("keeps anything else general", () => {
    expect(routeLetterError({ code: "notFound", message: "introuvable" })).toEqual({
      fields: {},
      settings: null,
      general: "introuvable",
    });
    expect(routeLetterError({ code: "validation", message: "x", field: "reference" }).general).toBe("x");
  });
});

describe("letterFileName", () => {
  it("names a saved copy after the reference and the kind", () => {
    expect(letterFileName("REC-2026-0001", letter(3, "ack"))).toBe("REC-2026-0001-accuse-reception.pdf");
    expect(letterFileName("REC-2026-0001", letter(4, "holding"))).toBe("REC-2026-0001-lettre-attente.pdf");
    expect(letterFileName("REC-2026-0001", letter(5, "answer"))).toBe("REC-2026-0001-reponse.pdf");
  });

  it("numbers later letters of the same kind", () => {
    const letters = [letter(1, "ack"), letter(2, "holding"), letter(3, "holding"), letter(4, "ack")];
    expect(letterFileName("REC-2026-0001", letters[0], letters)).toBe("REC-2026-0001-accuse-reception.pdf");
    expect(letterFileName("REC-2026-0001", letters[2], letters)).toBe("REC-2026-0001-lettre-attente-2.pdf");
    expect(letterFileName("REC-2026-0001", letters[3], letters)).toBe("REC-2026-0001-accuse-reception-2.pdf");
  });

  it("never produces a path separator", () => {
    expect(letterFileName("REC/2026 01", letter(1, "answer"))).toBe("REC-2026-01-reponse.pdf");
  });
});

describe("letter kinds", () => {
  it("French labels", () => {
    expect(letterKindLabel("ack")).toBe("Accusé de réception");
    expect(letterKindLabel("holding")).toBe("Lettre d'attente");
    expect(letterKindLabel("answer")).toBe("Lettre de réponse");
    expect(letterKindLabel("other")).toBe("other");
  });

  it("finds the latest letter of a kind", () => {
    const letters = [letter(2, "ack"), letter(7, "ack"), letter(5, "holding")];
    expect(lastLetterOf(letters, "ack")?.id).toBe(7);
    expect(lastLetterOf(letters, "answer")).toBeNull();
  });
});

describe("gestureApproval", () => {
  const approvals = (...list: [string, string][]): Approval[] =>
    list.map(([amount, approvedBy], i) => ({ id: i + 1, amount, approvedBy, approvedAt: "2026-06-02T08:00:00Z" }));

  it("reads amounts exactly", () => {
    expect(amountToCents("150.5")).toBe(15050n);
    expect(amountToCents("150")).toBe(15000n);
    expect(amountToCents("0.07")).toBe(7n);
    expect(amountToCents("abc")).toBeNull();
  });

  it("is null without a gesture", () => {
    expect(gestureApproval({ answer: null, approvals: [] })).toBeNull();
    expect(gestureApproval({ answer: ANSWER, approvals: [] })).toBeNull();
  });

  it("tells whether an approval covers the gesture", () => {
    const answer = { ...ANSWER, gesture: "150.00" };
    expect(gestureApproval({ answer, approvals: [] })).toEqual({ gesture: "150.00", covered: false });
    expect(gestureApproval({ answer, approvals: approvals(["100.00", "Paul"]) })).toEqual({ gesture: "150.00", covered: false });
    expect(gestureApproval({ answer, approvals: approvals(["100.00", "Paul"], ["150", "Anne"]) })).toEqual({
      gesture: "150.00",
      covered: true,
    });
    expect(gestureApproval({ answer, approvals: approvals(["200.00", "Anne"]) })?.covered).toBe(true);
  });
});

describe("authorityBlock", () => {
  const users = [
    { name: "Sophie Leroy", authority: "20.00" },
    { name: "Julien Bernard", authority: "100.00" },
    { name: "Claire Martin", authority: null },
  ];
  const answer = (gesture: string | null) => ({
    on: "2026-04-10",
    outcome: "partial" as const,
    summary: "Motif",
    gesture,
  });

  it("blocks a gesture above the signatory's authority until an approval covers it", () => {
    const view = { answer: answer("150.00"), approvals: [] };
    expect(authorityBlock(view, users, "Sophie Leroy")).toBe(
      "Montant au-delà de l'habilitation de Sophie Leroy (20,00\u00A0€)\u00A0: validation requise avant d'émettre la réponse.",
    );
    expect(authorityBlock(view, users, "Julien Bernard")).toContain("Julien Bernard");
    // A manager has no limit; an unknown signatory is left to the backend.
    expect(authorityBlock(view, users, "Claire Martin")).toBeNull();
    expect(authorityBlock(view, users, "")).toBeNull();
    const approved = {
      answer: answer("150.00"),
      approvals: [{ id: 1, amount: "150.00", approvedBy: "Claire Martin", approvedAt: "2026-04-10T09:00:00Z" }],
    };
    expect(authorityBlock(approved, users, "Sophie Leroy")).toBeNull();
    const tooSmall = { ...approved, approvals: [{ ...approved.approvals[0], amount: "149.99" }] };
    expect(authorityBlock(tooSmall, users, "Sophie Leroy")).not.toBeNull();
  });

  it("does not block within the authority or without a gesture", () => {
    expect(authorityBlock({ answer: answer("20.00"), approvals: [] }, users, "Sophie Leroy")).toBeNull();
    expect(authorityBlock({ answer: answer(null), approvals: [] }, users, "Sophie Leroy")).toBeNull();
    expect(authorityBlock({ answer: null, approvals: [] }, users, "Sophie Leroy")).toBeNull();
  });
});
