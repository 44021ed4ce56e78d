import { describe, expect, it } from "vitest";
import type { SyncStatus } from "../../lib/backend/types";
import { DIRECTION_LABELS, GESTURE_KIND_LABELS } from "../../lib/backend/labels";
import {
  CONFLICT_KIND_LABELS,
  changeCount,
  conflictKindLabel,
  conflictReasonLabel,
  conflictWhat,
  connectionText,
  displayServer,
  journalText,
  loginFromUrl,
  memberText,
  offlineText,
  payloadSummary,
  pendingText,
  pollAction,
  pulledChanges,
  resolutionProblem,
  roleLabel,
  serverFormProblems,
  syncBadge,
  testSuccessText,
} from "./sync";

const NBSP = "\u00A0";

const online: SyncStatus = {
  server: "postgres://claire.martin@192.168.1.10:5432/cabinet",
  login: "claire.martin",
  member: "Claire Martin",
  role: "supervisor",
  online: true,
  offlineSince: null,
  offlineReason: null,
  pending: 0,
  pendingOthers: 0,
  conflicts: 0,
  chainLength: 42,
  chainHead: "abc",
  serverLength: 42,
  encrypted: true,
};

const now = new Date(2026, 4, 7, 16, 0);

describe("the sync badge", () => {
  it("says online, nothing else when nothing waits", () => {
    expect(syncBadge(online, now)).toEqual({ state: "En ligne", tone: "online", pending: null, conflicts: null });
  });

  it("says since when the desk is offline: the time today, the date before", () => {
    const today = new Date(2026, 4, 7, 9, 5).toISOString();
    const before = new Date(2026, 4, 5, 18, 30).toISOString();
    expect(syncBadge({ ...online, online: false, offlineSince: today }, now)).toMatchObject({
      state: "Hors ligne depuis 09:05",
      tone: "offline",
    });
    expect(syncBadge({ ...online, online: false, offlineSince: before }, now).state).toBe("Hors ligne depuis le 05/05/2026");
    expect(offlineText(null, now)).toBe("Hors ligne");
    expect(offlineText("pas une date", now)).toBe("Hors ligne");
  });

  it("counts the changes waiting and the conflicts (0 and 1 singular)", () => {
    expect(syncBadge({ ...online, pending: 1, conflicts: 1 }, now)).toMatchObject({
      pending: "1 changement en attente",
      conflicts: "1 conflit",
    });
    expect(syncBadge({ ...online, pending: 3, conflicts: 2 }, now)).toMatchObject({
      pending: "3 changements en attente",
      conflicts: "2 conflits",
    });
    expect(syncBadge({ ...online, pending: 1234 }, now).pending).toBe("1\u202F234 changements en attente");
    expect(changeCount(0)).toBe("0 changement");
  });

  it("has a neutral state before the first status", () => {
    expect(syncBadge(null, now)).toMatchObject({ tone: "unknown", pending: null, conflicts: null });
  });
});

describe("the status panel", () => {
  it("names the member with their role in French", () => {
    expect(memberText(online)).toBe("Claire Martin (Responsable)");
    expect(roleLabel("manager")).toBe("Dirigeant");
    expect(roleLabel("inconnu")).toBe("inconnu");
  });

  it("gives the length of the firm's journal", () => {
    expect(journalText(42)).toBe(`Journal du cabinet${NBSP}: 42 changements`);
    expect(journalText(1)).toBe(`Journal du cabinet${NBSP}: 1 changement`);
  });

  it("tells the changes waiting, and the other members' among them", () => {
    expect(pendingText(online)).toBe("Aucun changement en attente d'envoi");
    expect(pendingText({ pending: 2, pendingOthers: 0 })).toBe("2 changements en attente d'envoi");
    expect(pendingText({ pending: 3, pendingOthers: 1 })).toBe(
      "3 changements en attente d'envoi, dont 1 d'un autre membre (envoyé à sa prochaine connexion sur ce poste)",
    );
  });

  it("says the connection with the full date offline", () => {
    expect(connectionText(online)).toBe("En ligne");
    const since = new Date(2026, 4, 5, 18, 30).toISOString();
    expect(connectionText({ online: false, offlineSince: since })).toBe("Hors ligne depuis le 05/05/2026 à 18:30");
    expect(connectionText({ online: false, offlineSince: null })).toBe("Hors ligne");
  });

  it("reports a successful test with the server's journal", () => {
    expect(testSuccessText({ ...online, chainLength: 0, serverLength: 17 })).toBe(
      `Connexion réussie${NBSP}: Claire Martin (Responsable), journal du cabinet${NBSP}: 17 changements`,
    );
    expect(testSuccessText({ ...online, serverLength: null })).toContain("42 changements");
  });
});

describe("server addresses", () => {
  it("never shows a password typed in the address", () => {
    expect(displayServer("postgres://claire:secret@srv:5432/cabinet")).toBe("postgres://claire@srv:5432/cabinet");
    expect(displayServer(online.server)).toBe(online.server);
    expect(displayServer("192.168.1.10:5432/cabinet")).toBe("192.168.1.10:5432/cabinet");
  });

  it("reads the login of the address", () => {
    expect(loginFromUrl(" postgres://claire.martin@192.168.1.10:5432/cabinet ")).toBe("claire.martin");
    expect(loginFromUrl("postgresql://paul%20d:x@srv/cabinet")).toBe("paul d");
    expect(loginFromUrl("postgres://srv:5432/cabinet")).toBeNull();
    expect(loginFromUrl("")).toBeNull();
  });

  it("asks for the address and the password before anything is sent", () => {
    expect(serverFormProblems("", "")).toEqual({
      url: "Saisissez l'adresse du serveur du cabinet.",
      password: "Saisissez votre mot de passe.",
    });
    expect(serverFormProblems("  ", "x")).toEqual({ url: "Saisissez l'adresse du serveur du cabinet." });
    expect(serverFormProblems("postgres://a@b/c", "x")).toEqual({});
    expect(serverFormProblems("", "x", false)).toEqual({});
  });
});

describe("polling", () => {
  it("syncs online while the window is visible, reads the status otherwise", () => {
    expect(pollAction(online, true, 30_000)).toBe("syncNow");
    expect(pollAction(online, false, 30_000)).toBe("status");
    expect(pollAction(null, true, 1_000_000)).toBe("status");
  });

  it("tries to come back online once a minute", () => {
    const offline = { online: false };
    expect(pollAction(offline, true, 30_000)).toBe("status");
    expect(pollAction(offline, true, 59_990)).toBe("syncNow");
    expect(pollAction(offline, false, 90_000)).toBe("syncNow");
  });

  it("sees the changes a sync brought", () => {
    expect(pulledChanges(null, online)).toBe(false);
    expect(pulledChanges({ chainLength: 40 }, online)).toBe(true);
    expect(pulledChanges({ chainLength: 42 }, online)).toBe(false);
  });
});

describe("conflicts", () => {
  it("names every kind of change in French", () => {
    expect(conflictKindLabel("answer")).toBe("Réponse");
    expect(conflictKindLabel("hold")).toBe("Réponse d'attente");
    expect(conflictKindLabel("addDisputeStep")).toBe("Étape de litige");
    expect(conflictKindLabel("update")).toBe("Correction");
    expect(conflictKindLabel("somethingNew")).toBe("somethingNew");
    expect(Object.keys(CONFLICT_KIND_LABELS)).toHaveLength(13);
  });

  it("explains why", () => {
    expect(conflictReasonLabel("refused")).toBe(`Refusé${NBSP}: la réclamation avait déjà avancé`);
    expect(conflictReasonLabel("concurrent")).toBe(`Simultané${NBSP}: modifiée par quelqu'un d'autre en même temps`);
    expect(conflictReasonLabel("other")).toBe("other");
  });

  it("says who did what and when", () => {
    const at = new Date(2026, 4, 7, 14, 32).toISOString();
    expect(conflictWhat({ kind: "close", author: "Paul Durand", actedAt: at })).toBe(
      "Clôture par Paul Durand le 07/05/2026 à 14:32",
    );
  });

  it("asks for a note before marking as reviewed", () => {
    expect(resolutionProblem("  ")).toBe("Indiquez ce qui a été vérifié ou décidé.");
    expect(resolutionProblem("Dossier vérifié")).toBeNull();
  });
});

describe("a change's content", () => {
  it("shows an answer's fields in French", () => {
    const payload = {
      op: "answer",
      reference: "2026-0012",
      on: "2026-05-07",
      outcome: "partial",
      summary: "Geste accordé",
      gesture: "50",
      gestureKind: "credit",
    };
    const { lines, json } = payloadSummary(payload);
    expect(lines).toEqual([
      { label: "Date", value: "07/05/2026" },
      { label: "Décision", value: "Partiellement fondée" },
      { label: "Résumé", value: "Geste accordé" },
      { label: "Geste commercial", value: `50,00${NBSP}€` },
      { label: "Nature du geste", value: GESTURE_KIND_LABELS.credit },
    ]);
    expect(json).toBe(JSON.stringify(payload, null, 2));
  });

  it("reads the input of an exchange or a complaint, and JSON text", () => {
    const exchange = {
      op: "addExchange",
      reference: "2026-0012",
      input: { on: "2026-05-06", direction: "incoming", channel: "phone", summary: "Appel du client" },
    };
    expect(payloadSummary(JSON.stringify(exchange)).lines).toEqual([
      { label: "Canal", value: "Téléphone" },
      { label: "Sens", value: DIRECTION_LABELS.incoming },
      { label: "Date", value: "06/05/2026" },
      { label: "Résumé", value: "Appel du client" },
    ]);
    const record = {
      op: "record",
      reference: "2026-0013",
      input: { client: { name: "Jeanne Petit" }, receivedOn: "2026-05-02", subject: "termination", description: "Résiliation refusée" },
    };
    expect(payloadSummary(record).lines.slice(0, 3)).toEqual([
      { label: "Client", value: "Jeanne Petit" },
      { label: "Objet", value: "Résiliation" },
      { label: "Reçue le", value: "02/05/2026" },
    ]);
  });

  it("falls back on the JSON when nothing is known", () => {
    expect(payloadSummary({ op: "mystery", foo: 1 })).toEqual({ lines: [], json: '{\n  "op": "mystery",\n  "foo": 1\n}' });
    expect(payloadSummary("pas du JSON")).toEqual({ lines: [], json: "pas du JSON" });
    expect(payloadSummary(null)).toEqual({ lines: [], json: "null" });
  });
});
