import { describe, expect, it } from "vitest";
import type { VerifyReport } from "../backend";
import { maintenanceText, manualBackupName, verifyHeadline } from "./backups";

const base = { done: true, integrityError: null, backupWritten: null, backupError: null };

describe("start-up maintenance", () => {
  it("says what was done, quietly when all is well", () => {
    expect(maintenanceText({ ...base, done: false }).tone).toBe("info");
    expect(maintenanceText({ ...base, backupWritten: "/home/a/sauvegardes/registre_2026-11-22.db" })).toEqual({
      text: "Fichier vérifié. Sauvegarde du jour effectuée : registre_2026-11-22.db.",
      tone: "ok",
    });
    expect(maintenanceText(base).text).toBe("Fichier vérifié. La sauvegarde du jour existait déjà.");
  });
  it("puts a damaged file before anything else", () => {
    const m = maintenanceText({ ...base, integrityError: "page 12 corrompue", backupError: "disque plein" });
    expect(m.tone).toBe("error");
    expect(m.text).toContain("page 12 corrompue");
    expect(m.text).toContain("Restaurez la dernière sauvegarde");
    expect(maintenanceText({ ...base, backupError: "disque plein" }).tone).toBe("warn");
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
  it("counts what was checked", () => {
    expect(verifyHeadline(report({}))).toBe(
      "Registre intègre : 12 événements, 3 réclamations, 1 lettre, 0 pièce jointe vérifiés.",
    );
  });
  it("counts the problems", () => {
    const finding = { kind: "stateHash", eventId: null, reference: "REC-2026-0001", message: "m" };
    expect(verifyHeadline(report({ ok: false, findings: [finding] }))).toBe("Altération détectée : 1 problème");
    expect(verifyHeadline(report({ ok: false, findings: [finding, finding] }))).toBe(
      "Altération détectée : 2 problèmes",
    );
  });
  it("names a manual backup after the day", () => {
    expect(manualBackupName("2026-11-22")).toBe("registre_2026-11-22_manuel.db");
  });
});
