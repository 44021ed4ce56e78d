import { describe, expect, it } from "vitest";
import {
  channelLabel,
  deadlineTone,
  formatComplaintCount,
  formatDate,
  formatDaysLeft,
  formatInteger,
  formatMoney,
  pageCount,
  statusLabel,
  stepLabel,
  subjectLabel,
} from "./format";
import { toAppError } from "./backend/errors";

describe("labels", () => {
  it("statuses", () => {
    expect(statusLabel("received")).toBe("Reçue");
    expect(statusLabel("acknowledged")).toBe("Accusé de réception envoyé");
    expect(statusLabel("answered")).toBe("Répondue");
    expect(statusLabel("closed")).toBe("Clôturée");
  });

  it("subjects", () => {
    expect(subjectLabel("subscription")).toBe("Souscription");
    expect(subjectLabel("contractManagement")).toBe("Gestion du contrat");
    expect(subjectLabel("claimSettlement")).toBe("Règlement de sinistre");
    expect(subjectLabel("premiumBilling")).toBe("Cotisations / facturation");
    expect(subjectLabel("termination")).toBe("Résiliation");
    expect(subjectLabel("adviceDuty")).toBe("Devoir de conseil / information");
    expect(subjectLabel("serviceQuality")).toBe("Qualité de service");
    expect(subjectLabel("personalData")).toBe("Données personnelles");
    expect(subjectLabel("other")).toBe("Autre");
  });

  it("channels", () => {
    expect(channelLabel("letter")).toBe("Courrier");
    expect(channelLabel("email")).toBe("E-mail");
    expect(channelLabel("phone")).toBe("Téléphone");
    expect(channelLabel("inPerson")).toBe("En agence");
    expect(channelLabel("webForm")).toBe("Formulaire web");
    expect(channelLabel("platform")).toBe("Plateforme tierce");
    expect(channelLabel("socialNetwork")).toBe("Réseau social");
    expect(channelLabel("other")).toBe("Autre");
  });

  it("steps", () => {
    expect(stepLabel("acknowledgement")).toBe("Accusé de réception");
    expect(stepLabel("answer")).toBe("Réponse");
  });
});

describe("formatDate", () => {
  it("reorders ISO dates without timezone effects", () => {
    expect(formatDate("2026-05-07")).toBe("07/05/2026");
    expect(formatDate("2026-01-01")).toBe("01/01/2026");
    expect(formatDate("2025-12-31")).toBe("31/12/2025");
  });

  it("returns unparseable input unchanged", () => {
    expect(formatDate("")).toBe("");
    expect(formatDate("07/05/2026")).toBe("07/05/2026");
  });
});

describe("formatDaysLeft", () => {
  it("future, today, past", () => {
    expect(formatDaysLeft(3)).toBe("dans 3 j");
    expect(formatDaysLeft(1)).toBe("dans 1 j");
    expect(formatDaysLeft(0)).toBe("aujourd'hui");
    expect(formatDaysLeft(-1)).toBe("en retard de 1 j");
    expect(formatDaysLeft(-2)).toBe("en retard de 2 j");
    expect(formatDaysLeft(60)).toBe("dans 60 j");
  });
});

describe("formatMoney", () => {
  it("groups thousands with U+202F and puts U+00A0 before the euro sign", () => {
    expect(formatMoney("1234.5")).toBe("1\u202F234,50\u00A0€");
  });

  it("handles small, large, negative and integer amounts", () => {
    expect(formatMoney("0")).toBe("0,00\u00A0€");
    expect(formatMoney("12")).toBe("12,00\u00A0€");
    expect(formatMoney("999.99")).toBe("999,99\u00A0€");
    expect(formatMoney("1000")).toBe("1\u202F000,00\u00A0€");
    expect(formatMoney("1234567.89")).toBe("1\u202F234\u202F567,89\u00A0€");
    expect(formatMoney("-1234.5")).toBe("-1\u202F234,50\u00A0€");
    expect(formatMoney("0.5")).toBe("0,50\u00A0€");
    expect(formatMoney(".5")).toBe("0,50\u00A0€");
    expect(formatMoney("007.10")).toBe("7,10\u00A0€");
  });

  it("rounds half away from zero on the string, without float error", () => {
    expect(formatMoney("1.005")).toBe("1,01\u00A0€");
    expect(formatMoney("1.004")).toBe("1,00\u00A0€");
    expect(formatMoney("999.995")).toBe("1\u202F000,00\u00A0€");
    expect(formatMoney("-0.001")).toBe("0,00\u00A0€");
    expect(formatMoney("-2.675")).toBe("-2,68\u00A0€");
  });

  it("returns unparseable input unchanged", () => {
    expect(formatMoney("abc")).toBe("abc");
    expect(formatMoney("")).toBe("");
    expect(formatMoney("1,5")).toBe("1,5");
  });
});

describe("counts and pagination", () => {
  it("formats integers and complaint counts", () => {
    expect(formatInteger(1234)).toBe("1\u202F234");
    expect(formatInteger(999)).toBe("999");
    expect(formatComplaintCount(0)).toBe("0 réclamation");
    expect(formatComplaintCount(1)).toBe("1 réclamation");
    expect(formatComplaintCount(2)).toBe("2 réclamations");
    expect(formatComplaintCount(1234)).toBe("1\u202F234 réclamations");
  });

  it("computes page counts", () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(50, 50)).toBe(1);
    expect(pageCount(51, 50)).toBe(2);
    expect(pageCount(1234, 50)).toBe(25);
  });
});

describe("deadlineTone", () => {
  const base = { step: "answer" as const, due: "2026-05-07", daysLeft: 0 };
  it("overdue wins over due soon", () => {
    expect(deadlineTone({ ...base, overdue: true, dueSoon: true })).toBe("overdue");
    expect(deadlineTone({ ...base, overdue: false, dueSoon: true })).toBe("soon");
    expect(deadlineTone({ ...base, overdue: false, dueSoon: false })).toBe("normal");
  });
});

describe("toAppError", () => {
  it("keeps AppError-shaped values", () => {
    expect(toAppError({ code: "db", message: "Base indisponible", extra: 1 })).toEqual({
      code: "db",
      message: "Base indisponible",
    });
  });

  it("keeps a non-empty field name", () => {
    expect(toAppError({ code: "validation", message: "Nom obligatoire", field: "client.name" })).toEqual({
      code: "validation",
      message: "Nom obligatoire",
      field: "client.name",
    });
    expect(toAppError({ code: "validation", message: "m", field: "" })).toEqual({ code: "validation", message: "m" });
    expect(toAppError({ code: "validation", message: "m", field: 3 })).toEqual({ code: "validation", message: "m" });
  });

  it("wraps anything else as unknown", () => {
    expect(toAppError("boom")).toEqual({ code: "unknown", message: "boom" });
    expect(toAppError(new Error("x"))).toEqual({ code: "unknown", message: "Error: x" });
    expect(toAppError(null)).toEqual({ code: "unknown", message: "null" });
    expect(toAppError({ code: 1, message: "m" })).toEqual({ code: "unknown", message: "[object Object]" });
  });
});
