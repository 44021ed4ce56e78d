import { describe, expect, it } from "vitest";
import { NNBSP } from "../lib/format";
import { CANCELLED_TEXT, cancelLabel, progressShare, shareText, STARTING_TEXT, stageText } from "./taskProgress";

const at = (done: number, total: number, stage = "Copie du registre") => ({ stage, done, total });

describe("progressShare", () => {
  it("is unknown before the first message and while a stage does not know its size", () => {
    expect(progressShare(null)).toBeNull();
    expect(progressShare(at(0, 0))).toBeNull();
    expect(progressShare(at(5, 0))).toBeNull();
    expect(progressShare(at(1, -3))).toBeNull();
    expect(progressShare(at(Number.NaN, 10))).toBeNull();
  });

  it("counts the share done in tenths, rounded down", () => {
    expect(progressShare(at(0, 10))).toBe(0);
    expect(progressShare(at(42, 100))).toBe(42);
    expect(progressShare(at(1, 3))).toBe(33.3);
    expect(progressShare(at(2, 3))).toBe(66.6);
    // Never "100 %" before the end.
    expect(progressShare(at(9_999, 10_000))).toBe(99.9);
    expect(progressShare(at(10_000, 10_000))).toBe(100);
  });

  it("stays between 0 and 100", () => {
    expect(progressShare(at(12, 10))).toBe(100);
    expect(progressShare(at(-1, 10))).toBe(0);
  });
});

describe("shareText", () => {
  it("writes the share the way the app writes every share", () => {
    expect(shareText(at(42, 100))).toBe(`42,0${NNBSP}%`);
    expect(shareText(at(1, 3))).toBe(`33,3${NNBSP}%`);
    expect(shareText(at(3, 3))).toBe(`100,0${NNBSP}%`);
  });

  it("says nothing while the bar is indeterminate", () => {
    expect(shareText(null)).toBe("");
    expect(shareText(at(0, 0))).toBe("");
  });
});

describe("stageText", () => {
  it("names the stage the backend reports", () => {
    expect(stageText(at(1, 2, "Vérification du journal"))).toBe("Vérification du journal");
    expect(stageText(at(1, 2, "  Extrait du registre "))).toBe("Extrait du registre");
  });

  it("falls back before the first stage is known", () => {
    expect(stageText(null)).toBe(STARTING_TEXT);
    expect(stageText(at(0, 0, " "))).toBe(STARTING_TEXT);
    expect(stageText(null, "Relecture du journal et des empreintes…")).toBe("Relecture du journal et des empreintes…");
  });
});

describe("cancelLabel", () => {
  it("says the cancellation is under way until the operation stops", () => {
    expect(cancelLabel(false)).toBe("Annuler");
    expect(cancelLabel(true)).toBe("Annulation…");
  });
});

describe("CANCELLED_TEXT", () => {
  it("says what was not done, for every long operation", () => {
    expect(CANCELLED_TEXT.extract).toBe("Extrait annulé\u00A0: aucun fichier n'a été écrit.");
    expect(CANCELLED_TEXT.backup).toBe("Sauvegarde annulée\u00A0: aucun fichier n'a été écrit.");
    expect(CANCELLED_TEXT.verify).toBe("Vérification annulée.");
    expect(CANCELLED_TEXT.anonymise).toBe("Anonymisation annulée\u00A0: aucune réclamation n'a été modifiée.");
    for (const text of Object.values(CANCELLED_TEXT)) {
      // French typography: a no-break space before the colon, a full stop at the end.
      expect(text).not.toMatch(/[^\u00A0]:/);
      expect(text.endsWith(".")).toBe(true);
    }
  });
});
