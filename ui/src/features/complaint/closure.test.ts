import { describe, expect, it } from "vitest";
import { FEEDBACKS } from "../../lib/backend/labels";
import { FEEDBACK_PLACEHOLDER, FEEDBACK_REQUIRED, asksSatisfaction, closureRequest } from "./closure";

describe("closureRequest", () => {
  it("refuses a closure whose feedback was not chosen, with a French message on the field", () => {
    expect(closureRequest("", "")).toEqual({ ok: false, errors: { feedback: FEEDBACK_REQUIRED } });
    // A satisfaction alone does not stand for a feedback.
    expect(closureRequest("", "5")).toEqual({ ok: false, errors: { feedback: FEEDBACK_REQUIRED } });
    expect(FEEDBACK_REQUIRED).toBe("Indiquez le retour du client\u00A0: résolue, non résolue ou sans retour.");
    expect(FEEDBACK_PLACEHOLDER).toBe("— choisissez —");
  });

  it("sends each feedback the user chose", () => {
    expect(closureRequest("resolved", "4")).toEqual({ ok: true, request: { feedback: "resolved", satisfaction: 4 } });
    expect(closureRequest("unresolved", "")).toEqual({
      ok: true,
      request: { feedback: "unresolved", satisfaction: null },
    });
    for (const f of FEEDBACKS) expect(closureRequest(f, "").ok).toBe(true);
  });

  it("sends no satisfaction without feedback, even one chosen before", () => {
    expect(closureRequest("none", "2")).toEqual({ ok: true, request: { feedback: "none", satisfaction: null } });
  });
});

describe("asksSatisfaction", () => {
  it("hides the satisfaction only for « Sans retour »", () => {
    expect(asksSatisfaction("")).toBe(true);
    expect(asksSatisfaction("resolved")).toBe(true);
    expect(asksSatisfaction("unresolved")).toBe(true);
    expect(asksSatisfaction("none")).toBe(false);
  });
});
