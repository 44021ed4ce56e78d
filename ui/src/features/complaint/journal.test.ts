import { describe, expect, it } from "vitest";
import { editedChanges, eventDetails, eventTitle } from "./journal";

describe("editedChanges", () => {
  it("reads {changes: {field: {before, after}}}", () => {
    expect(
      editedChanges({
        changes: {
          "client.email": { before: null, after: "j@d.fr" },
          channel: { before: "letter", after: "email" },
        },
      }),
    ).toEqual([
      { field: "client.email", label: "E-mail", before: "(vide)", after: "j@d.fr" },
      { field: "channel", label: "Canal", before: "Courrier", after: "E-mail" },
    ]);
  });

  it("tolerates unexpected shapes", () => {
    expect(editedChanges(null)).toEqual([]);
    expect(editedChanges({})).toEqual([]);
    expect(editedChanges({ changes: [] })).toEqual([]);
    expect(editedChanges({ changes: { subject: "x" } })).toEqual([
      { field: "subject", label: "Objet", before: "(vide)", after: "(vide)" },
    ]);
  });
});

describe("eventDetails", () => {
  it("summarises usual payloads", () => {
    expect(eventDetails("answered", { on: "2026-05-20", outcome: "partial", summary: "Geste accordé", gesture: "50" })).toBe(
      "le 20/05/2026 · Partiellement fondée · geste 50,00\u00A0€ · «\u00A0Geste accordé\u00A0»",
    );
    expect(eventDetails("disputeStep", { on: "2026-06-01", kind: "mediatorReferral", summary: "Saisine" })).toBe(
      "le 01/06/2026 · Saisine du médiateur · «\u00A0Saisine\u00A0»",
    );
    expect(eventDetails("exchange", { on: "2026-05-08", direction: "incoming", channel: "phone", summary: "Relance" })).toBe(
      "le 08/05/2026 · Reçu · Téléphone · «\u00A0Relance\u00A0»",
    );
  });

  it("says how a step reached the client, stated with it or afterwards", () => {
    expect(eventDetails("acknowledged", { on: "2026-05-10", sent: { via: "email", copy: "ab" } })).toBe(
      "le 10/05/2026 · envoi\u00A0: E-mail (message joint au dossier)",
    );
    expect(eventDetails("answered", { on: "2026-05-20", outcome: "upheld", sent: { via: "registerLetter" } })).toBe(
      "le 20/05/2026 · Fondée · envoi\u00A0: Lettre émise depuis le registre",
    );
    expect(eventDetails("sent", { step: "answer", via: "oral", copy: "ab" })).toBe(
      "Réponse · envoi\u00A0: Oralement, puis confirmé par écrit",
    );
  });

  it("reads a withdrawal, a requalification and a dispute step's sequel", () => {
    expect(eventDetails("withdrawn", { on: "2026-05-12", reason: "Accord trouvé", status: "received" })).toBe(
      "le 12/05/2026 · «\u00A0Accord trouvé\u00A0»",
    );
    expect(eventDetails("requalified", { on: "2026-05-12", reason: "Question", requestId: 4 })).toBe(
      "le 12/05/2026 · demande n°\u00A04 · «\u00A0Question\u00A0»",
    );
    expect(
      eventDetails("disputeStep", { on: "2026-06-01", step: "insurerForwarded", expectedOn: "2026-06-16", fromLawyer: true, summary: "Transmis" }),
    ).toBe("le 01/06/2026 · Transmise à l'assureur · suite attendue le 16/06/2026 · courrier d'avocat · «\u00A0Transmis\u00A0»");
  });

  it("returns null when nothing is readable", () => {
    expect(eventDetails("recorded", null)).toBeNull();
    expect(eventDetails("recorded", { x: 1 })).toBeNull();
    expect(eventDetails("recorded", "text")).toBeNull();
  });
});

describe("eventTitle", () => {
  it("names the letter issued and who signed it", () => {
    expect(eventTitle("letterIssued", { letterId: 3, letter: "ack", signatory: "Anne Leroy", sha256: "ab", size: 100 })).toBe(
      "Lettre émise\u00A0: Accusé de réception (signée par Anne Leroy)",
    );
    expect(eventTitle("letterIssued", { letter: "holding", signatory: "Paul" })).toBe(
      "Lettre émise\u00A0: Lettre d'attente (signée par Paul)",
    );
    expect(eventTitle("letterIssued", { letter: "answer" })).toBe("Lettre émise\u00A0: Lettre de réponse");
    expect(eventTitle("letterIssued", null)).toBe("Lettre émise");
  });

  it("names the gesture approved, its amount and who approved it", () => {
    expect(eventTitle("gestureApproved", { approvalId: 1, amount: "150.00", approvedBy: "Anne Leroy" })).toBe(
      "Geste commercial validé\u00A0: 150,00\u00A0€ par Anne Leroy",
    );
    expect(eventTitle("gestureApproved", { amount: "1234.5", approvedBy: "Anne" })).toBe(
      "Geste commercial validé\u00A0: 1\u202F234,50\u00A0€ par Anne",
    );
    expect(eventTitle("gestureApproved", {})).toBe("Geste commercial validé");
  });

  it("uses the kind's label for the other events", () => {
    expect(eventTitle("edited", { changes: {} })).toBe("Informations modifiées");
    expect(eventTitle("exchange", {})).toBe("Échange avec le client");
    expect(eventTitle("attachment", {})).toBe("Pièce jointe ajoutée");
    expect(eventTitle("disputeStep", {})).toBe("Suite du litige");
    expect(eventTitle("somethingNew", {})).toBe("somethingNew");
  });
});

describe("eventDetails of the newer events", () => {
  it("letterIssued: announced date, size and hash of the PDF", () => {
    expect(
      eventDetails("letterIssued", {
        letterId: 4,
        letter: "holding",
        signatory: "Paul",
        sha256: "0123456789abcdef0123",
        size: 2048,
        expectedOn: "2026-06-20",
      }),
    ).toBe("réponse annoncée pour le 20/06/2026 · PDF 2,0\u00A0Ko · empreinte 0123456789ab");
  });

  it("gestureApproved: everything is in the title", () => {
    expect(eventDetails("gestureApproved", { approvalId: 1, amount: "150.00", approvedBy: "Anne" })).toBeNull();
  });

  it("reads the dispute step's kind from the backend's 'step' key", () => {
    expect(eventDetails("disputeStep", { stepId: 2, step: "insurerForwarded", on: "2026-06-01", summary: "Envoi" })).toBe(
      "le 01/06/2026 · Transmise à l'assureur · «\u00A0Envoi\u00A0»",
    );
  });

  it("attachment: name and size", () => {
    expect(eventDetails("attachment", { attachmentId: 1, name: "courrier.pdf", mediaType: "application/pdf", size: 500, sha256: "x" })).toBe(
      "courrier.pdf · 500\u00A0o",
    );
  });
});

describe("import and anonymisation events", () => {
  it("tell where an imported complaint came from", () => {
    expect(eventDetails("imported", { file: "registre.xlsx", line: 12, originalReference: "R-7", sha256: "ab" })).toBe(
      "fichier registre.xlsx · ligne 12 · référence d'origine R-7",
    );
  });
  it("show nothing personal once redacted", () => {
    expect(eventDetails("recorded", { redacted: true, letterId: 3 })).toBe("contenu anonymisé");
    expect(eventDetails("anonymised", { redactedEvents: [{ id: 1, hash: "x" }, { id: 2, hash: "y" }] })).toBe(
      "2\u00A0événement(s) antérieur(s) expurgé(s)",
    );
  });
});

describe("money events", () => {
  it("name the request, the decision, the proposal and the payment", () => {
    expect(eventTitle("escalated", { escalationId: 1, subject: "gesture", amount: "60.00", level: "supervisor" })).toBe(
      "Demande de validation\u00A0: Geste commercial de 60,00\u00A0€",
    );
    expect(eventTitle("escalationDecided", { escalationId: 1, status: "accepted", amount: "50.00", reason: "ok" })).toBe(
      "Décision sur une demande de validation\u00A0: Validée, 50,00\u00A0€",
    );
    expect(eventTitle("escalationDecided", { escalationId: 1, status: "refused", amount: null, reason: "non" })).toBe(
      "Décision sur une demande de validation\u00A0: Refusée",
    );
    expect(eventTitle("proposalMade", { proposalId: 2, kind: "monthsOffered", description: "2 mois", amount: "30", on: "2026-05-07" })).toBe(
      "Proposition faite au client\u00A0: Mois offerts (30,00\u00A0€)",
    );
    expect(eventTitle("proposalAnswered", { proposalId: 2, response: "refused", on: "2026-05-08" })).toBe(
      "Réponse du client à une proposition\u00A0: Refusée",
    );
    expect(eventTitle("refundPaid", { reference: "VIR-42", method: "transfer", paidOn: "2026-05-10" })).toBe(
      "Remboursement payé\u00A0: Virement, réf.\u00A0VIR-42",
    );
    expect(eventTitle("escalated", {})).toBe("Demande de validation");
  });

  it("detail the reason, the dates, the refund and the satisfaction", () => {
    expect(eventDetails("escalated", { subject: "gesture", amount: "60", reason: "Client fidèle" })).toBe("«\u00A0Client fidèle\u00A0»");
    expect(eventDetails("proposalAnswered", { response: "accepted", on: "2026-05-08" })).toBe("le 08/05/2026");
    expect(eventDetails("refundPaid", { reference: "X", method: "cheque", paidOn: "2026-05-10" })).toBe("payé le 10/05/2026");
    expect(
      eventDetails("answered", { on: "2026-05-20", outcome: "upheld", summary: "Remboursé", refund: { amount: "89", basis: "billingError", scope: "partial" } }),
    ).toBe("le 20/05/2026 · Fondée · remboursement 89,00\u00A0€ · «\u00A0Remboursé\u00A0»");
    expect(eventDetails("closed", { on: "2026-06-01", feedback: "resolved", satisfaction: 4 })).toBe(
      "le 01/06/2026 · Résolue · satisfaction 4/5",
    );
  });
});
