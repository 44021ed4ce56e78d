import { describe, expect, it } from "vitest";
import type { LetterMeta, LetterOffer, SignatoryChoice } from "../../lib/backend/types";
import {
  checkLetterForm,
  keptSignatory,
  lastLetterOf,
  letterFileName,
  letterKindLabel,
  letterRequest,
  missingSettingKey,
  NO_POSTAL_ADDRESS_BLOCK,
  NO_POSTAL_ADDRESS_TEXT,
  routeLetterError,
  selectedOffer,
  signatoryBlock,
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

// The core's wording (`letter_choices`), shown as is.
const WHY_NOT = "Montant au-delà de l'habilitation de Sophie Leroy (20,00\u00A0€) : validation requise avant d'émettre la réponse.";

function signer(name: string, whyNot: string | null = null, maySignAnswer = whyNot === null): SignatoryChoice {
  return { name, role: "supervisor", authority: "20.00", maySignAnswer, whyNot };
}

describe("selectedOffer", () => {
  // As the core offers them once an acknowledgement was issued.
  const offers: LetterOffer[] = [
    { kind: "holding", newVersion: false },
    { kind: "ack", newVersion: true },
  ];

  it("keeps the user's pick while it is offered, else the usual letter", () => {
    expect(selectedOffer(offers, "ack")?.kind).toBe("ack");
    expect(selectedOffer(offers, null)?.kind).toBe("holding");
    expect(selectedOffer(offers, "answer")?.kind).toBe("holding");
    expect(selectedOffer([], "ack")).toBeNull();
  });
});

describe("keptSignatory", () => {
  const signatories = [signer("Paul Durand"), signer("Anne Leroy")];

  it("takes the core's default when none is chosen", () => {
    expect(keptSignatory({ signatories, defaultSignatory: "Anne Leroy" }, "")).toBe("Anne Leroy");
    expect(keptSignatory({ signatories, defaultSignatory: null }, "")).toBe("");
  });

  it("keeps the chosen signatory while the core lists them", () => {
    expect(keptSignatory({ signatories, defaultSignatory: "Anne Leroy" }, "Paul Durand")).toBe("Paul Durand");
    expect(keptSignatory({ signatories, defaultSignatory: "Anne Leroy" }, "Ancien")).toBe("Anne Leroy");
    expect(keptSignatory({ signatories: [], defaultSignatory: null }, "Paul Durand")).toBe("");
  });
});

describe("signatoryBlock", () => {
  const signatories = [signer("Sophie Leroy", WHY_NOT), signer("Claire Martin"), signer("Sans motif", null, false)];

  it("shows the core's reason, for the answer letter only", () => {
    expect(signatoryBlock(signatories, "answer", "Sophie Leroy")).toBe(WHY_NOT);
    expect(signatoryBlock(signatories, "ack", "Sophie Leroy")).toBeNull();
    expect(signatoryBlock(signatories, "holding", "Sophie Leroy")).toBeNull();
  });

  it("does not block a signatory the core allows, nor one it does not list", () => {
    expect(signatoryBlock(signatories, "answer", "Claire Martin")).toBeNull();
    expect(signatoryBlock(signatories, "answer", "")).toBeNull();
    expect(signatoryBlock(signatories, "answer", "Inconnu")).toBeNull();
  });

  it("still blocks when the core gives no reason", () => {
    expect(signatoryBlock(signatories, "answer", "Sans motif")).toBe("Sans motif ne peut pas signer cette réponse.");
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

  it("checks the holding letter's date against the latest date the core allows, and its note", () => {
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

  it("names the missing setting the Settings link leads to", () => {
    expect(missingSettingKey({ field: "mediator.address" })).toBe("mediator.address");
    expect(missingSettingKey({ field: " firm.name " })).toBe("firm.name");
    expect(missingSettingKey({ field: "signatory" })).toBeNull();
    expect(missingSettingKey({ field: "client.address" })).toBeNull();
    expect(missingSettingKey({})).toBeNull();
  });

  it("keeps anything else general, as a sentence of its own", () => {
    expect(routeLetterError({ code: "notFound", message: "introuvable" })).toEqual({
      fields: {},
      settings: null,
      general: "Introuvable",
    });
    expect(routeLetterError({ code: "validation", message: "x", field: "reference" }).general).toBe("X");
    const noViewer = "aucun lecteur de PDF ne s'est ouvert sur ce poste\u00a0: une copie provisoire est ici, «\u00a0/tmp/a.pdf\u00a0»";
    expect(routeLetterError({ code: "io", message: noViewer }).general).toBe(`A${noViewer.slice(1)}`);
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

describe("client without a postal address", () => {
  it("says why no letter may be issued, with the way to the client's information", () => {
    const { before, link, after } = NO_POSTAL_ADDRESS_TEXT;
    expect(before + link + after).toBe(
      "Le client n'a pas d'adresse postale\u00A0: une lettre ne peut pas être émise. Renseignez l'adresse " +
        "(Modifier les informations) ou envoyez la réponse par e-mail et indiquez ce mode d'envoi.",
    );
    expect(NO_POSTAL_ADDRESS_BLOCK.startsWith("Le client n'a pas d'adresse postale")).toBe(true);
  });
});
