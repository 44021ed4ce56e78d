import { describe, expect, it } from "vitest";
import {
  ACK_VIAS,
  ANSWER_VIAS,
  DEFAULT_ANSWER_VIA,
  attachmentOption,
  copyName,
  copyText,
  needsCopy,
  sentRequest,
  sentText,
  unstatedSteps,
} from "./sent";

const ATTACHMENTS = [
  { sha256: "aaa", name: "courriel.eml", addedAt: "2026-05-07" },
  { sha256: "bbb", name: "lettre.pdf", addedAt: "2026-05-08" },
];

describe("the ways of sending offered", () => {
  it("leaves the register's letter out of the acknowledgement (issued from Courriers)", () => {
    expect(ACK_VIAS).toEqual(["email", "otherLetter", "oral"]);
  });

  it("puts the register's letter first for the answer, as the default", () => {
    expect(ANSWER_VIAS).toEqual(["registerLetter", "email", "otherLetter", "oral"]);
    expect(DEFAULT_ANSWER_VIA).toBe("registerLetter");
  });
});

describe("sentRequest", () => {
  it("sends the copy with every way but the register's letter", () => {
    expect(sentRequest("email", "aaa")).toEqual({ via: "email", copy: "aaa" });
    expect(sentRequest("oral", "bbb")).toEqual({ via: "oral", copy: "bbb" });
    expect(sentRequest("registerLetter", "aaa")).toEqual({ via: "registerLetter", copy: null });
    expect(needsCopy("registerLetter")).toBe(false);
    expect(needsCopy("otherLetter")).toBe(true);
  });

  it("sends nothing not chosen (the core names the missing field)", () => {
    expect(sentRequest("", "")).toEqual({ via: null, copy: null });
    expect(sentRequest("email", "")).toEqual({ via: "email", copy: null });
  });
});

describe("what the file shows", () => {
  it("names the way of sending with the core's label", () => {
    expect(sentText({ via: "email", copy: "aaa" })).toBe("Envoi\u00A0: E-mail (message joint au dossier)");
    expect(sentText({ via: "registerLetter" })).toBe("Envoi\u00A0: Lettre émise depuis le registre");
  });

  it("says when it was not stated, and when the register's letter is still to issue", () => {
    expect(sentText(null)).toBe("mode d'envoi non renseigné");
    expect(sentText(undefined)).toBe("mode d'envoi non renseigné");
    expect(sentText({ via: "registerLetter", copy: null }, true)).toBe("Envoi\u00A0: lettre du registre, pas encore émise");
  });

  it("names the copy's attachment by its SHA-256", () => {
    expect(copyName("bbb", ATTACHMENTS)).toBe("lettre.pdf");
    expect(copyName("zzz", ATTACHMENTS)).toBeNull();
    expect(copyName(null, ATTACHMENTS)).toBeNull();
    expect(copyText("aaa", ATTACHMENTS)).toBe("copie\u00A0: courriel.eml");
    expect(copyText("zzz", ATTACHMENTS)).toBe("copie jointe");
    expect(copyText(undefined, ATTACHMENTS)).toBeNull();
  });

  it("lists an attachment with the day it was added", () => {
    expect(attachmentOption(ATTACHMENTS[0])).toBe("courriel.eml (ajoutée le 07/05/2026)");
  });
});

describe("unstatedSteps", () => {
  const answer = { on: "2026-06-01", outcome: "upheld", summary: "ok", gesture: null } as const;

  it("offers the recorded steps whose way of sending is not stated", () => {
    expect(unstatedSteps({ acknowledgedOn: "2026-05-10", ackSent: null, answer: { ...answer } })).toEqual([
      "acknowledgement",
      "answer",
    ]);
    expect(
      unstatedSteps({ acknowledgedOn: "2026-05-10", ackSent: { via: "email", copy: "a" }, answer: { ...answer } }),
    ).toEqual(["answer"]);
  });

  it("offers nothing not recorded, nor already stated", () => {
    expect(unstatedSteps({ acknowledgedOn: null, ackSent: null, answer: null })).toEqual([]);
    expect(
      unstatedSteps({
        acknowledgedOn: "2026-05-10",
        ackSent: { via: "oral", copy: "a" },
        answer: { ...answer, sent: { via: "registerLetter" } },
      }),
    ).toEqual([]);
  });
});
