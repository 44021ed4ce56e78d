import { describe, expect, it } from "vitest";
import type { UpdateOffer } from "../../lib/backend";
import {
  IDLE,
  announcement,
  awaitsUser,
  canDownload,
  currentText,
  isBusy,
  isSignatureRefusal,
  offerDate,
  offerNotes,
  offerTitle,
  progressPercent,
  progressText,
  shouldCheckAtStart,
  transition,
  type UpdateEvent,
  type UpdateState,
} from "./updates";

const offer: UpdateOffer = {
  version: "1.4.0",
  currentVersion: "1.3.2",
  notes: "Correctifs : les relances de l'accusé de réception.",
  date: "2026-12-04T10:00:00+00:00",
};

const SIGNATURE_REFUSED = {
  code: "validation",
  field: "update",
  message:
    "la signature de la mise à jour ne correspond pas à la clé de Reclam : elle a été refusée et rien n'a été installé",
};

const OFFLINE = {
  code: "validation",
  field: "update",
  message: "le serveur des mises à jour est injoignable (connexion à Internet ?) : error sending request",
};

/** The states reached by `events` in turn, from `from`. */
function run(from: UpdateState, ...events: UpdateEvent[]): UpdateState {
  return events.reduce(transition, from);
}

describe("the check at start", () => {
  it("runs unless the firm turned it off", () => {
    expect(shouldCheckAtStart("true")).toBe(true);
    expect(shouldCheckAtStart("false")).toBe(false);
    expect(shouldCheckAtStart(" FALSE ")).toBe(false);
  });
  it("runs when the setting was never saved (its default)", () => {
    expect(shouldCheckAtStart(undefined)).toBe(true);
    expect(shouldCheckAtStart("")).toBe(true);
  });
});

describe("download progress", () => {
  it("is a whole percentage of the size when the server gives it", () => {
    expect(progressPercent({ received: 0, total: 1000 })).toBe(0);
    expect(progressPercent({ received: 425, total: 1000 })).toBe(42);
    expect(progressPercent({ received: 999, total: 1000 })).toBe(99);
    expect(progressPercent({ received: 1000, total: 1000 })).toBe(100);
    // More than announced: never beyond 100.
    expect(progressPercent({ received: 1500, total: 1000 })).toBe(100);
  });
  it("has no percentage without a size", () => {
    expect(progressPercent({ received: 5000, total: null })).toBeNull();
    expect(progressPercent({ received: 5000, total: 0 })).toBeNull();
  });
  it("says what arrived in Ko and Mo, with a decimal comma", () => {
    expect(progressText({ received: 1536, total: null })).toBe("1,5\u00A0Ko reçus");
    expect(progressText({ received: 3.5 * 1024 * 1024, total: null })).toBe("3,5\u00A0Mo reçus");
    expect(progressText({ received: 1024 * 1024, total: 4 * 1024 * 1024 })).toBe(
      "25\u202F% (1,0\u00A0Mo sur 4,0\u00A0Mo)",
    );
    expect(progressText({ received: 0, total: 200_000 })).toBe("0\u202F% (0\u00A0o sur 195\u00A0Ko)");
  });
});

describe("the offer", () => {
  it("is titled with its version and dated dd/mm/yyyy", () => {
    expect(offerTitle(offer)).toBe("Version 1.4.0 disponible");
    expect(offerDate(offer)).toBe("04/12/2026");
    expect(offerDate({ ...offer, date: null })).toBeNull();
    expect(offerDate({ ...offer, date: "bientôt" })).toBeNull();
  });
  it("shows its notes as published, none when empty", () => {
    expect(offerNotes(offer)).toBe(offer.notes);
    expect(offerNotes({ ...offer, notes: "  \n " })).toBeNull();
    expect(offerNotes({ ...offer, notes: null })).toBeNull();
  });
  it("is announced at start in French", () => {
    expect(announcement(offer)).toBe("Version 1.4.0 de Reclam disponible");
  });
  it("says Reclam is up to date with the version running", () => {
    expect(currentText("1.3.2")).toBe("Reclam est à jour (version 1.3.2).");
    expect(currentText("")).toBe("Reclam est à jour.");
  });
});

describe("the steps of an update", () => {
  it("goes from a check to the install", () => {
    const checking = transition(IDLE, { type: "check" });
    expect(checking).toEqual({ kind: "checking" });
    const available = transition(checking, { type: "checked", offer, installed: "1.3.2" });
    expect(available).toEqual({ kind: "available", offer });
    expect(canDownload(available)).toBe(true);
    const downloading = transition(available, { type: "download" });
    expect(downloading).toEqual({ kind: "downloading", offer, progress: { received: 0, total: null } });
    const halfway = transition(downloading, { type: "progress", progress: { received: 50, total: 100 } });
    expect(halfway).toEqual({ kind: "downloading", offer, progress: { received: 50, total: 100 } });
    const ready = transition(halfway, { type: "downloaded" });
    expect(ready).toEqual({ kind: "ready", offer });
    expect(transition(ready, { type: "install" })).toEqual({ kind: "installing", offer });
  });

  it("says Reclam is current when nothing newer is offered", () => {
    expect(run(IDLE, { type: "check" }, { type: "checked", offer: null, installed: "1.3.2" })).toEqual({
      kind: "current",
      version: "1.3.2",
    });
  });

  it("starts nothing twice: a second click while an operation runs changes nothing", () => {
    const checking = transition(IDLE, { type: "check" });
    expect(transition(checking, { type: "check" })).toBe(checking);
    expect(transition(checking, { type: "download" })).toBe(checking);
    const downloading = run(checking, { type: "checked", offer, installed: "1.3.2" }, { type: "download" });
    expect(transition(downloading, { type: "download" })).toBe(downloading);
    expect(transition(downloading, { type: "check" })).toBe(downloading);
    expect(transition(downloading, { type: "install" })).toBe(downloading);
    const installing = run(downloading, { type: "downloaded" }, { type: "install" });
    expect(transition(installing, { type: "install" })).toBe(installing);
    expect(transition(installing, { type: "check" })).toBe(installing);
    for (const s of [checking, downloading, installing]) expect(isBusy(s)).toBe(true);
  });

  it("installs only what was downloaded and verified", () => {
    const available: UpdateState = { kind: "available", offer };
    expect(transition(available, { type: "install" })).toBe(available);
    expect(transition(IDLE, { type: "download" })).toBe(IDLE);
  });

  it("checks again once an operation is over (a verified update, an error)", () => {
    const ready: UpdateState = { kind: "ready", offer };
    expect(transition(ready, { type: "check" })).toEqual({ kind: "checking" });
    const failed = run(IDLE, { type: "check" }, { type: "failed", error: OFFLINE });
    expect(transition(failed, { type: "check" })).toEqual({ kind: "checking" });
  });

  it("ignores progress that arrives after the download ended", () => {
    const ready: UpdateState = { kind: "ready", offer };
    expect(transition(ready, { type: "progress", progress: { received: 1, total: 2 } })).toBe(ready);
  });

  it("shows a refused check in French, capitalised, with nothing offered", () => {
    const failed = run(IDLE, { type: "check" }, { type: "failed", error: OFFLINE });
    expect(failed).toEqual({
      kind: "error",
      message: "Le serveur des mises à jour est injoignable (connexion à Internet ?) : error sending request",
      signature: false,
      offer: null,
    });
    expect(canDownload(failed)).toBe(false);
  });

  it("names a signature refusal as such and offers no second download of that package", () => {
    const failed = run({ kind: "available", offer }, { type: "download" }, { type: "failed", error: SIGNATURE_REFUSED });
    expect(failed.kind).toBe("error");
    if (failed.kind !== "error") return;
    expect(failed.signature).toBe(true);
    expect(failed.message).toMatch(/^La signature de la mise à jour ne correspond pas/);
    expect(failed.offer).toEqual(offer);
    expect(canDownload(failed)).toBe(false);
  });

  it("offers the download again after a cut connection", () => {
    const failed = run({ kind: "available", offer }, { type: "download" }, { type: "failed", error: OFFLINE });
    expect(canDownload(failed)).toBe(true);
    expect(transition(failed, { type: "download" })).toEqual({
      kind: "downloading",
      offer,
      progress: { received: 0, total: null },
    });
  });

  it("wraps a failure nobody foresaw", () => {
    const failed = run(IDLE, { type: "check" }, { type: "failed", error: new Error("boom") });
    expect(failed).toMatchObject({ kind: "error", signature: false });
    if (failed.kind === "error") expect(failed.message).toContain("Une erreur inattendue est survenue");
  });

  it("tells the top bar while an update awaits the user", () => {
    expect(awaitsUser({ kind: "available", offer })).toBe(true);
    expect(awaitsUser({ kind: "ready", offer })).toBe(true);
    expect(awaitsUser(IDLE)).toBe(false);
    expect(awaitsUser({ kind: "current", version: "1.3.2" })).toBe(false);
    expect(awaitsUser({ kind: "error", message: "x", signature: true, offer })).toBe(false);
  });

  it("recognises the core's signature refusal only", () => {
    expect(isSignatureRefusal(SIGNATURE_REFUSED)).toBe(true);
    expect(isSignatureRefusal(OFFLINE)).toBe(false);
    expect(isSignatureRefusal(null)).toBe(false);
    expect(isSignatureRefusal("signature")).toBe(false);
  });
});
