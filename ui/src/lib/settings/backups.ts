// Backups and integrity: what the settings section and the start-up banner say.

import type { Maintenance, VerifyReport } from "../backend";

/** "registre_2026-11-22_manuel.db": the default name of a manual backup. */
export function manualBackupName(today: string): string {
  return `registre_${today}_manuel.db`;
}

/** The start-up maintenance in one French sentence, with its tone. */
export function maintenanceText(m: Maintenance): { text: string; tone: "ok" | "info" | "warn" | "error" } {
  if (!m.done) return { text: "Vérification du fichier et sauvegarde du jour en cours…", tone: "info" };
  if (m.integrityError) {
    return {
      text: `Le fichier du registre semble endommagé (${m.integrityError}). Restaurez la dernière sauvegarde.`,
      tone: "error",
    };
  }
  if (m.backupError) return { text: `La sauvegarde automatique du jour a échoué : ${m.backupError}`, tone: "warn" };
  if (m.backupWritten) {
    const name = m.backupWritten.split(/[\\/]/).pop() ?? m.backupWritten;
    return { text: `Fichier vérifié. Sauvegarde du jour effectuée : ${name}.`, tone: "ok" };
  }
  return { text: "Fichier vérifié. La sauvegarde du jour existait déjà.", tone: "ok" };
}

/** The verification's headline. */
export function verifyHeadline(r: VerifyReport): string {
  if (!r.ok) {
    return r.findings.length === 1
      ? "Altération détectée : 1 problème"
      : `Altération détectée : ${r.findings.length} problèmes`;
  }
  const n = (count: number, one: string, many: string) => `${count} ${count <= 1 ? one : many}`;
  return (
    `Registre intègre : ${n(r.events, "événement", "événements")}, ` +
    `${n(r.complaints, "réclamation", "réclamations")}, ${n(r.letters, "lettre", "lettres")}, ` +
    `${n(r.attachments, "pièce jointe", "pièces jointes")} vérifiés.`
  );
}

/** When to ask again for the start-up maintenance, in ms after the start (until it is done). */
export const MAINTENANCE_POLL_MS: readonly number[] = [1000, 3000, 8000, 20000];
