import { describe, expect, it } from "vitest";
import { COMPLAINT_FIELD_INPUTS, displayFieldValue, fieldLabel, inputIdFor, normalizeField, splitError } from "./fields";

const KNOWN = Object.keys(COMPLAINT_FIELD_INPUTS);

describe("normalizeField", () => {
  it("strips prefixes and indexes", () => {
    expect(normalizeField("client.name")).toBe("client.name");
    expect(normalizeField("input.client.email")).toBe("client.email");
    expect(normalizeField("otherParties[2]")).toBe("otherParties");
    expect(normalizeField("personsConcerned.0")).toBe("personsConcerned");
    expect(normalizeField("received_on")).toBe("receivedOn");
  });
});

describe("splitError", () => {
  it("puts a known field inline", () => {
    expect(splitError({ code: "validation", message: "Nom obligatoire", field: "client.name" }, KNOWN)).toEqual({
      fields: { "client.name": "Nom obligatoire" },
      general: null,
    });
    expect(splitError({ code: "validation", message: "Date future", field: "receivedOn" }, KNOWN).fields).toEqual({
      receivedOn: "Date future",
    });
    expect(splitError({ code: "validation", message: "Montant invalide", field: "amountClaimed" }, KNOWN).fields).toEqual({
      amountClaimed: "Montant invalide",
    });
  });

  it("sends unknown or absent fields to the general banner", () => {
    expect(splitError({ code: "db", message: "Base verrouillée" }, KNOWN)).toEqual({ fields: {}, general: "Base verrouillée" });
    expect(splitError({ code: "validation", message: "?", field: "nope" }, KNOWN)).toEqual({ fields: {}, general: "?" });
  });

  it("shows every refused field at once when the core refused several", () => {
    const err = {
      code: "validation",
      message: "nom obligatoire",
      field: "client.name",
      fields: [
        { field: "client.name", message: "nom obligatoire" },
        { field: "input.client.email", message: "adresse e-mail invalide « x »" },
        { field: "receivedOn", message: "date dans le futur" },
        { field: "json", message: "objet attendu" },
      ],
    };
    expect(splitError(err, KNOWN)).toEqual({
      fields: {
        "client.name": "nom obligatoire",
        "client.email": "adresse e-mail invalide « x »",
        receivedOn: "date dans le futur",
      },
      general: "objet attendu",
    });
  });

  it("says a failure nobody foresaw in French", () => {
    expect(splitError({ code: "unknown", message: "TypeError: oops" }, KNOWN).general).toBe(
      "Une erreur inattendue est survenue\u00A0: TypeError: oops",
    );
  });
});

describe("inputIdFor", () => {
  it("maps every wire field to the stable input id", () => {
    expect(inputIdFor("client.name")).toBe("client-name");
    expect(inputIdFor("client.email")).toBe("client-email");
    expect(inputIdFor("sentOn")).toBe("sent-on");
    expect(inputIdFor("receivedOn")).toBe("received-on");
    expect(inputIdFor("contract.insurer")).toBe("contract-insurer");
    expect(inputIdFor("amountClaimed")).toBe("amountClaimed");
    expect(inputIdFor("otherParties[0]")).toBe("other-parties");
    expect(inputIdFor("unknown")).toBeNull();
  });
});

describe("displayFieldValue / fieldLabel", () => {
  it("renders journal values in French", () => {
    expect(displayFieldValue("channel", "phone")).toBe("Téléphone");
    expect(displayFieldValue("subject", "termination")).toBe("Résiliation");
    expect(displayFieldValue("client.kind", "company")).toBe("Entreprise");
    expect(displayFieldValue("receivedOn", "2026-05-07")).toBe("07/05/2026");
    expect(displayFieldValue("otherParties", ["A", "B"])).toBe("A, B");
    expect(displayFieldValue("otherParties", [])).toBe("(vide)");
    expect(displayFieldValue("client.email", null)).toBe("(vide)");
    expect(displayFieldValue("description", "Texte <b>brut</b>")).toBe("Texte <b>brut</b>");
    expect(fieldLabel("client.name")).toBe("Nom du client");
    expect(fieldLabel("mystery")).toBe("mystery");
    expect(fieldLabel("amountClaimed")).toBe("Montant réclamé");
    expect(displayFieldValue("amountClaimed", "150.5")).toBe("150,50\u00A0€");
    expect(displayFieldValue("amountClaimed", null)).toBe("(vide)");
  });
});
