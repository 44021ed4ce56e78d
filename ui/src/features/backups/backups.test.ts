import { describe, expect, it } from "vitest";
import type { Finding, Maintenance, VerifyReport } from "../../lib/backend";
import {
  backupRow,
  defaultBackupFolder,
  fileName,
  groupFindings,
  joinPath,
  maintenanceAlert,
  maintenanceText,
  manualBackupName,
  restoreErrorText,
  restoreHelpsOpenError,
  relationLabel,
  restoreSummary,
  shortId,
  whenText,
  shortIntegrityError,
  verifyHeadline,
} from "./backups";

const base: Maintenance = { done: true, integrityError: null, backupWritten: null, backupError: null };
const real = { restored: false, isDemo: false };

describe("start-up maintenance", () => {
  it("says what was done, quietly when all is well", () => {
    expect(maintenanceText({ ...base, done: false })).toEqual({
      text: "Vérification du fichier et sauvegarde du jour en cours…",
      tone: "info",
    });
    expect(maintenanceText({ ...base, backupWritten: "/home/a/sauvegardes/registre_2026-11-22.db" })).toEqual({
      text: "Fichier vérifié. Sauvegarde du jour effectuée : registre_2026-11-22.db.",
      tone: "ok",
    });
    expect(maintenanceText({ ...base, backupWritten: "C:\\Cabinet\\sauvegardes\\registre_2026-11-22.db" }).text).toBe(
      "Fichier vérifié. Sauvegarde du jour effectuée : registre_2026-11-22.db.",
    );
    expect(maintenanceText(base).text).toBe("Fichier vérifié. La sauvegarde du jour existait déjà.");
  });

  it("puts a damaged file before anything else", () => {
    const m = maintenanceText({ ...base, integrityError: "page 12 corrompue", backupError: "disque plein" });
    expect(m).toEqual({
      text:
        "Le fichier du registre semble endommagé (page 12 corrompue). " +
        "Restaurez la dernière sauvegarde : « Restaurer une sauvegarde… » ci-dessous.",
      tone: "error",
    });
    expect(maintenanceText({ ...base, backupError: "disque plein" })).toEqual({
      text: "La sauvegarde automatique du jour a échoué : disque plein",
      tone: "warn",
    });
  });

  it("no longer blames the register once a backup replaced the damaged file", () => {
    const m = maintenanceText({ ...base, integrityError: "page 12 corrompue" }, true);
    expect(m.tone).toBe("ok");
    expect(m.text).toContain("Registre restauré depuis une sauvegarde vérifiée");
    expect(m.text).not.toContain("endommagé");
  });

  it("keeps the first meaningful line of what SQLite says", () => {
    const raw = "*** in database main ***\nOn tree page 12 cell 3: invalid page number 9999\nPage 40: never used\n";
    expect(shortIntegrityError(raw)).toBe("On tree page 12 cell 3: invalid page number 9999");
    expect(shortIntegrityError("x".repeat(300), 20)).toBe(`${"x".repeat(19)}…`);
    expect(shortIntegrityError("file is not a database")).toBe("file is not a database");
  });
});

describe("the banner above every screen", () => {
  it("says nothing while the maintenance runs or when all is well", () => {
    expect(maintenanceAlert(null, real)).toBeNull();
    expect(maintenanceAlert({ ...base, done: false, integrityError: "x" }, real)).toBeNull();
    expect(maintenanceAlert(base, real)).toBeNull();
    expect(maintenanceAlert({ ...base, backupWritten: "/s/registre_2026-11-22.db" }, real)).toBeNull();
  });

  it("sends the user to the restore when the file is damaged", () => {
    const alert = maintenanceAlert({ ...base, integrityError: "*** in database main ***\nPage 7: btree error" }, real);
    expect(alert).toEqual({
      text:
        "Le fichier du registre semble endommagé (Page 7: btree error). " +
        "Restaurez la dernière sauvegarde : Paramètres → Sauvegardes et intégrité.",
      tone: "error",
    });
  });

  it("is a discreet warning when only the daily backup failed", () => {
    expect(maintenanceAlert({ ...base, backupError: "dossier introuvable : E:\\Sauvegardes" }, real)).toEqual({
      text: "La sauvegarde automatique du jour a échoué : dossier introuvable : E:\\Sauvegardes",
      tone: "warn",
    });
  });

  it("is gone after a restore, and on the demonstration register", () => {
    const damaged = { ...base, integrityError: "page 3" };
    expect(maintenanceAlert(damaged, { restored: true, isDemo: false })).toBeNull();
    expect(maintenanceAlert(damaged, { restored: false, isDemo: true })).toBeNull();
  });
});

describe("the backups kept", () => {
  it("shows the day as jj/mm/aaaa, the size in French units and what each file holds", () => {
    const content = {
      registerId: "3f2a9c1b00112233445566778899aabb",
      firm: "Cabinet Durand",
      complaints: 300,
      events: 1200,
      head: "ab",
      lastEventAt: "2026-11-22T10:00:00Z",
    };
    expect(
      backupRow({
        path: "/s/registre_3f2a9c1b_2026-11-22.db",
        name: "registre_3f2a9c1b_2026-11-22.db",
        size: 4_718_592,
        day: "2026-11-22",
        content,
        thisRegister: true,
      }),
    ).toEqual({
      name: "registre_3f2a9c1b_2026-11-22.db",
      day: "22/11/2026",
      size: "4,5\u00A0Mo",
      holds: "300 réclamations",
      other: false,
    });
    expect(
      backupRow({ path: "/s/copie.db", name: "copie.db", size: 12_595, day: null, content: null, thisRegister: false }),
    ).toEqual({ name: "copie.db", day: "—", size: "12,3\u00A0Ko", holds: "illisible", other: false });
    // The demo's backup in the same folder is marked as another register's.
    const other = backupRow({
      path: "/s/registre-demo_9a8b7c6d_2026-11-22.db",
      name: "registre-demo_9a8b7c6d_2026-11-22.db",
      size: 1000,
      day: "2026-11-22",
      content: { ...content, registerId: "9a8b7c6d00112233445566778899aabb", complaints: 0 },
      thisRegister: false,
    });
    expect(other.holds).toBe("0 réclamation — autre registre");
    expect(other.other).toBe(true);
  });

  it("names a manual backup after the day", () => {
    expect(manualBackupName("2026-11-22")).toBe("registre_2026-11-22_manuel.db");
    expect(fileName("/home/a/registre.db")).toBe("registre.db");
    expect(fileName("C:\\a\\registre.db")).toBe("registre.db");
    // The save dialog opens in the backup folder.
    expect(joinPath("/home/a/sauvegardes", "r.db")).toBe("/home/a/sauvegardes/r.db");
    expect(joinPath("/home/a/sauvegardes/", "r.db")).toBe("/home/a/sauvegardes/r.db");
    expect(joinPath("C:\\Cabinet\\sauvegardes", "r.db")).toBe("C:\\Cabinet\\sauvegardes\\r.db");
    expect(joinPath("", "r.db")).toBe("r.db");
  });
});

describe("verification", () => {
  const report = (over: Partial<VerifyReport>): VerifyReport => ({
    ok: true,
    events: 12,
    complaints: 3,
    letters: 1,
    attachments: 0,
    head: "ab",
    findings: [],
    ...over,
  });
  const finding = (reference: string | null, message: string, kind = "stateHash"): Finding => ({
    kind,
    eventId: null,
    reference,
    message,
  });

  it("counts what was checked, with French grouping", () => {
    expect(verifyHeadline(report({}))).toBe(
      "Registre intègre : 12 événements, 3 réclamations, 1 lettre, 0 pièce jointe vérifiés.",
    );
    expect(verifyHeadline(report({ events: 12_345, attachments: 2 }))).toBe(
      "Registre intègre : 12\u202F345 événements, 3 réclamations, 1 lettre, 2 pièces jointes vérifiés.",
    );
  });

  it("counts the problems", () => {
    const f = finding("REC-2026-0001", "m");
    expect(verifyHeadline(report({ ok: false, findings: [f] }))).toBe("Altération détectée : 1 problème");
    expect(verifyHeadline(report({ ok: false, findings: [f, f] }))).toBe("Altération détectée : 2 problèmes");
    expect(verifyHeadline(report({ ok: false, findings: [] }))).toBe("Altération détectée");
  });

  it("groups the findings by complaint, the first broken link first", () => {
    const findings = [
      finding("REC-2026-0007", "état modifié hors de l'application"),
      finding(null, "maillon 41 rompu", "eventLink"),
      finding("REC-2026-0002", "lettre modifiée", "letter"),
      finding("REC-2026-0007", "pièce jointe modifiée", "attachment"),
      finding("", "événement 50 manquant", "eventMissing"),
    ];
    const { groups, hidden } = groupFindings(findings);
    expect(hidden).toBe(0);
    expect(groups.map((g) => g.reference)).toEqual(["REC-2026-0007", null, "REC-2026-0002"]);
    expect(groups[0].findings.map((f) => f.message)).toEqual([
      "état modifié hors de l'application",
      "pièce jointe modifiée",
    ]);
    expect(groups[1].findings.map((f) => f.message)).toEqual(["maillon 41 rompu", "événement 50 manquant"]);
    expect(groups[0].findings[0]).toBe(findings[0]);
  });

  it("lists a bounded number of findings and counts the others", () => {
    const many = Array.from({ length: 120 }, (_, i) => finding(`REC-2026-${String(i % 7).padStart(4, "0")}`, `p${i}`));
    const { groups, hidden } = groupFindings(many, 50);
    expect(hidden).toBe(70);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(50);
    expect(groups).toHaveLength(7);
  });
});

describe("restore", () => {
  it("says what the register now holds and where the replaced one is", () => {
    expect(
      restoreSummary({
        replacedKeptAs: "/home/cabinet/registre.remplace-2026-11-22.db",
        events: 1234,
        complaints: 1,
        head: "ab",
        howToUndo: null,
      }),
    ).toBe(
      "Sauvegarde restaurée (1\u202F234 événements, 1 réclamation, journal vérifié). " +
        "L'ancien registre est conservé : registre.remplace-2026-11-22.db.",
    );
    expect(restoreSummary({ replacedKeptAs: null, events: 0, complaints: 0, head: null, howToUndo: null })).toBe(
      "Sauvegarde restaurée (0 événement, 0 réclamation, journal vérifié).",
    );
    // The core says how to get the replaced register back: shown as is.
    expect(
      restoreSummary({
        replacedKeptAs: "/r/registre.remplace-x.db",
        events: 2,
        complaints: 2,
        head: "ab",
        howToUndo: "Le registre remplacé est conservé dans « /r/registre.remplace-x.db » : pour le retrouver, restaurez ce fichier.",
      }),
    ).toBe(
      "Sauvegarde restaurée (2 événements, 2 réclamations, journal vérifié). " +
        "Le registre remplacé est conservé dans « /r/registre.remplace-x.db » : pour le retrouver, restaurez ce fichier.",
    );
  });

  it("names how a backup relates to the register and shortens identities", () => {
    expect(relationLabel("otherRegister")).toContain("AUTRE registre");
    expect(relationLabel("older")).toBe("Un état antérieur de ce registre.");
    expect(shortId("3f2a9c1b00112233445566778899aabb")).toBe("3f2a9c1b");
    expect(shortId(null)).toContain("sans identité");
    expect(whenText(null)).toBe("—");
  });

  it("says a refused backup left the register as it was", () => {
    expect(restoreErrorText({ code: "tampered", message: "le journal de la sauvegarde a été modifié" })).toBe(
      "Sauvegarde refusée : le journal de la sauvegarde a été modifié. Le registre actuel n'a pas été modifié.",
    );
    expect(restoreErrorText({ code: "validation", field: "file", message: "Ce fichier n'est pas une base Reclam." })).toBe(
      "Sauvegarde refusée : Ce fichier n'est pas une base Reclam. Le registre actuel n'a pas été modifié.",
    );
    expect(restoreErrorText({ code: "io", message: "accès refusé" })).toBe("accès refusé");
  });
});

describe("restore from the fatal screen", () => {
  it("is offered for a damaged file, not for a register made by a newer Reclam", () => {
    expect(restoreHelpsOpenError("notADatabase")).toBe(true);
    expect(restoreHelpsOpenError("database")).toBe(true);
    expect(restoreHelpsOpenError("databaseTooNew")).toBe(false);
    expect(restoreHelpsOpenError("readOnly")).toBe(false);
    expect(restoreHelpsOpenError("noBackend")).toBe(false);
  });

  it("opens the dialog in the default backup folder", () => {
    expect(defaultBackupFolder("/home/cabinet/.local/share/reclam/registre.db")).toBe(
      "/home/cabinet/.local/share/reclam/sauvegardes",
    );
    expect(defaultBackupFolder("C:\\Users\\Cabinet\\Reclam\\registre.db")).toBe(
      "C:\\Users\\Cabinet\\Reclam\\sauvegardes",
    );
    expect(defaultBackupFolder("registre.db")).toBe("sauvegardes");
  });
});
