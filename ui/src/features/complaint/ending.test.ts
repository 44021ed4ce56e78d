import { describe, expect, it } from "vitest";
import {
  ENDING_CONFIRM,
  alertSentence,
  alertTone,
  endingErrors,
  endingText,
  urgentAlerts,
} from "./ending";
import type { DisputeAlert } from "../../lib/backend/types";

describe("endingText", () => {
  it("words a withdrawal with its day and reason", () => {
    expect(endingText({ kind: "withdrawn", on: "2026-05-12", reason: "Accord trouvé" })).toBe(
      "Retirée par le client le 12/05/2026 — motif\u00A0: Accord trouvé",
    );
  });

  it("words a requalification with the request it became", () => {
    expect(endingText({ kind: "requalified", on: "2026-05-12", reason: "Simple question", requestId: 7 })).toBe(
      "Requalifiée en demande d'information le 12/05/2026 — motif\u00A0: Simple question (demande n°\u00A07)",
    );
    expect(endingText({ kind: "requalified", on: "2026-05-12", reason: "Question", requestId: null })).toBe(
      "Requalifiée en demande d'information le 12/05/2026 — motif\u00A0: Question",
    );
  });
});

describe("endingErrors", () => {
  it("asks for the date and the reason before the confirmation", () => {
    expect(endingErrors("", "  ")).toEqual({ on: "Indiquez la date.", reason: "Indiquez le motif." });
    expect(endingErrors("2026-05-12", "Accord trouvé")).toEqual({});
  });

  it("says what each ending does", () => {
    expect(ENDING_CONFIRM.withdraw).toContain("Retirée par le client");
    expect(ENDING_CONFIRM.requalify).toContain("une demande d'information sera créée");
  });
});

describe("dispute alerts", () => {
  const alert = (kind: DisputeAlert["kind"], stepId = 1): DisputeAlert => ({ kind, stepId, due: null, message: "m" });

  it("tones a late sequel and a lawyer's letter as dangers, the others as warnings", () => {
    expect(alertTone("late")).toBe("danger");
    expect(alertTone("lawyerLetter")).toBe("danger");
    expect(alertTone("dueSoon")).toBe("warning");
    expect(alertTone("referralOutsideWindow")).toBe("warning");
  });

  it("keeps the urgent ones for the top of the file", () => {
    const all = [alert("dueSoon", 1), alert("late", 2), alert("referralOutsideWindow", 3), alert("lawyerLetter", 4)];
    expect(urgentAlerts(all).map((a) => a.stepId)).toEqual([2, 4]);
    expect(urgentAlerts([alert("dueSoon")])).toEqual([]);
  });

  it("capitalises the core's message when it starts with a word", () => {
    expect(alertSentence("courrier d'avocat du 02/05/2026 : prévenez")).toBe("Courrier d'avocat du 02/05/2026 : prévenez");
    expect(alertSentence("« Réponse de l'assureur » attendue le 01/06/2026")).toBe(
      "« Réponse de l'assureur » attendue le 01/06/2026",
    );
    expect(alertSentence("")).toBe("");
  });
});
