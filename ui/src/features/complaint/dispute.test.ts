import { describe, expect, it } from "vitest";
import { disputeStepNotes, disputeStepRequest, expectsSequel, type DisputeStepForm } from "./dispute";

const FORM: DisputeStepForm = {
  kind: "insurerForwarded",
  on: "2026-05-10",
  summary: "  Dossier transmis  ",
  expectedOn: "2026-05-20",
  fromLawyer: false,
};

describe("expectsSequel", () => {
  it("is true for the insurer's forwarding and the mediator's referral only", () => {
    expect(expectsSequel("insurerForwarded")).toBe(true);
    expect(expectsSequel("mediatorReferral")).toBe(true);
    expect(expectsSequel("insurerAnswer")).toBe(false);
    expect(expectsSequel("formalNotice")).toBe(false);
  });
});

describe("disputeStepRequest", () => {
  it("sends the expected date of a leg that waits for a sequel", () => {
    expect(disputeStepRequest(FORM)).toEqual({
      kind: "insurerForwarded",
      on: "2026-05-10",
      summary: "Dossier transmis",
      expectedOn: "2026-05-20",
      fromLawyer: false,
    });
  });

  it("leaves the usual wait to the core when no date is typed", () => {
    expect(disputeStepRequest({ ...FORM, expectedOn: "" }).expectedOn).toBeNull();
  });

  it("drops a date kept from another kind (its field is hidden)", () => {
    expect(disputeStepRequest({ ...FORM, kind: "formalNotice", fromLawyer: true })).toEqual({
      kind: "formalNotice",
      on: "2026-05-10",
      summary: "Dossier transmis",
      expectedOn: null,
      fromLawyer: true,
    });
  });
});

describe("disputeStepNotes", () => {
  it("shows the expected sequel and a lawyer's letter", () => {
    expect(disputeStepNotes({ expectedOn: "2026-05-25", fromLawyer: true })).toEqual([
      { kind: "expected", text: "suite attendue le 25/05/2026" },
      { kind: "lawyer", text: "courrier d'avocat" },
    ]);
    expect(disputeStepNotes({ expectedOn: null, fromLawyer: false })).toEqual([]);
  });
});
