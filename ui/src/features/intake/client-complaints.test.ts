import { describe, expect, it } from "vitest";
import type { ClientComplaintSummary } from "../../lib/backend/types";
import { emptyComplaintForm } from "../complaint/form";
import {
  addToLabel,
  addedToast,
  clientQuery,
  exchangeErrorText,
  exchangeFromForm,
  sameClientQuery,
  summaryLine,
  summaryResult,
  summaryStatusLabel,
} from "./client-complaints";

const summary = (over: Partial<ClientComplaintSummary> = {}): ClientComplaintSummary => ({
  reference: "REC-2026-0001",
  receivedOn: "2026-05-07",
  subject: "termination",
  status: "received",
  ended: null,
  outcome: null,
  feedback: null,
  sameContract: false,
  ...over,
});

describe("clientQuery", () => {
  it("asks nothing while neither a name nor a contract number is typed", () => {
    expect(clientQuery("", "")).toBeNull();
    expect(clientQuery("   ", " \t")).toBeNull();
  });

  it("asks by name, trimmed, without a contract when none is typed", () => {
    expect(clientQuery("  Jeanne Martin ", "  ")).toEqual({ name: "Jeanne Martin", contract: null });
  });

  it("asks by contract number alone, or by both", () => {
    expect(clientQuery("", " AUTO-123 ")).toEqual({ name: "", contract: "AUTO-123" });
    expect(clientQuery("Jeanne Martin", "AUTO-123")).toEqual({ name: "Jeanne Martin", contract: "AUTO-123" });
  });
});

describe("sameClientQuery", () => {
  it("treats names case aside, contracts exactly", () => {
    expect(sameClientQuery({ name: "Jeanne Martin", contract: null }, { name: "JEANNE MARTIN", contract: null })).toBe(true);
    expect(sameClientQuery({ name: "Jeanne", contract: "A1" }, { name: "Jeanne", contract: null })).toBe(false);
    expect(sameClientQuery({ name: "Jeanne", contract: null }, { name: "Jean", contract: null })).toBe(false);
  });

  it("handles the absence of a question", () => {
    expect(sameClientQuery(null, null)).toBe(true);
    expect(sameClientQuery(null, { name: "Jeanne", contract: null })).toBe(false);
    expect(sameClientQuery({ name: "Jeanne", contract: null }, null)).toBe(false);
  });
});

describe("summaryStatusLabel", () => {
  it("shows the status of a running complaint", () => {
    expect(summaryStatusLabel(summary({ status: "acknowledged" }))).toBe("Accusé de réception envoyé");
    expect(summaryStatusLabel(summary({ status: "closed" }))).toBe("Clôturée");
  });

  it("shows the ending of a withdrawn or requalified complaint rather than its status", () => {
    expect(summaryStatusLabel(summary({ status: "received", ended: "withdrawn" }))).toBe("Retirée par le client");
    expect(summaryStatusLabel(summary({ ended: "requalified" }))).toBe("Requalifiée en demande d'information");
  });
});

describe("summaryResult", () => {
  it("joins the outcome and the feedback when known", () => {
    expect(summaryResult(summary())).toBe("");
    expect(summaryResult(summary({ outcome: "rejected" }))).toBe("Rejetée");
    expect(summaryResult(summary({ outcome: "partial", feedback: "unresolved" }))).toBe("Partiellement fondée · Non résolue");
    expect(summaryResult(summary({ feedback: "none" }))).toBe("Sans retour");
  });
});

describe("summaryLine", () => {
  it("gives the received date (dd/mm/yyyy), the subject and the status", () => {
    expect(summaryLine(summary())).toBe("reçue le 07/05/2026 · Résiliation · Reçue");
    expect(summaryLine(summary({ subject: "claimSettlement", status: "answered" }))).toBe(
      "reçue le 07/05/2026 · Règlement de sinistre · Répondue",
    );
  });
});

describe("labels of the add-to-complaint route", () => {
  it("names the complaint the contact is added to", () => {
    expect(addToLabel("REC-2026-0004")).toBe("Ajouter à REC-2026-0004 (même réclamation)");
    expect(addedToast("REC-2026-0004")).toBe(
      "Ajouté à REC-2026-0004 comme nouvel échange (pas de doublon au registre)",
    );
  });
});

describe("exchangeFromForm", () => {
  it("records the contact as an incoming exchange: received date, channel, description", () => {
    const form = {
      ...emptyComplaintForm("2026-05-07", "Claire"),
      channel: "email" as const,
      receivedOn: "2026-05-06",
      description: "  Toujours pas de réponse à mon courrier.\n",
    };
    expect(exchangeFromForm(form)).toEqual({
      on: "2026-05-06",
      direction: "incoming",
      channel: "email",
      summary: "Toujours pas de réponse à mon courrier.",
    });
  });
});

describe("exchangeErrorText", () => {
  it("names the intake field the refusal is about", () => {
    expect(exchangeErrorText({ message: "obligatoire", field: "summary" })).toBe("Description du mécontentement\u00A0: obligatoire");
    expect(exchangeErrorText({ message: "le 08/05/2026 est postérieur", field: "input.on" })).toBe(
      "Reçue le\u00A0: le 08/05/2026 est postérieur",
    );
  });

  it("gives any other refusal as a sentence", () => {
    expect(exchangeErrorText({ message: "réclamation close : aucun échange ne peut être ajouté" })).toBe(
      "Réclamation close : aucun échange ne peut être ajouté",
    );
    expect(exchangeErrorText({ message: "introuvable", field: "reference" })).toBe("Introuvable");
  });

  it("says a failure nobody foresaw in French", () => {
    expect(exchangeErrorText({ code: "unknown", message: "IPC timeout" })).toBe(
      "Une erreur inattendue est survenue\u00A0: IPC timeout",
    );
    expect(exchangeErrorText({ code: "transition", message: "réclamation close" })).toBe("Réclamation close");
  });
});
