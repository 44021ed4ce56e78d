// Backups and integrity: what the settings section, the start-up banner and the restore say.
// Pure functions over the wire types (no backend call, no Svelte state).

import type {
  AppError,
  BackupFile,
  Finding,
  Maintenance,
  Relation,
  RestoreReport,
  VerifyReport,
} from "../../lib/backend";
import { formatComplaintCount, formatDate, formatDateTime, formatFileSize, formatInteger } from "../../lib/format";

/** The setting holding the folder of the automatic backups (empty: `sauvegardes` beside the register). */
export const BACKUP_FOLDER_KEY = "backup.folder";

/** "registre_2026-11-22_manuel.db": the default name of a manual backup. */
export function manualBackupName(today: string): string {
  return `registre_${today}_manuel.db`;
}

/** The last part of a path, whatever the separator ("C:\a\b.db" and "/a/b.db" give "b.db"). */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** `name` inside `folder`, with the folder's own separator (a Windows path keeps its backslashes). */
export function joinPath(folder: string, name: string): string {
  if (folder === "") return name;
  const sep = folder.includes("\\") && !folder.includes("/") ? "\\" : "/";
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

/** "1 événement", "1 234 événements" (French: 0 and 1 are singular). */
function count(n: number, one: string, many: string): string {
  return `${formatInteger(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

/**
 * A row of the backups table: its name, day (jj/mm/aaaa, "—" for a manual one), size, and what
 * it holds (its complaints, and whether it is another register's backup).
 */
export function backupRow(f: BackupFile): { name: string; day: string; size: string; holds: string; other: boolean } {
  const holds =
    f.content === null
      ? "illisible"
      : `${formatComplaintCount(f.content.complaints)}${f.thisRegister ? "" : " — autre registre"}`;
  return {
    name: f.name,
    day: f.day ? formatDate(f.day) : "—",
    size: formatFileSize(f.size),
    holds,
    other: f.content !== null && !f.thisRegister,
  };
}

/** The first 8 digits of a register's identity, or what stands for a register made before identities. */
export function shortId(id: string | null): string {
  return id === null ? "sans identité (ancienne version)" : id.slice(0, 8);
}

/** An instant of the journal or a file ("07/05/2026 à 14:32"), or "—". */
export function whenText(rfc3339: string | null): string {
  return rfc3339 === null ? "—" : formatDateTime(rfc3339);
}

/** How the backup relates to the register it would replace, in a sentence. */
export function relationLabel(r: Relation): string {
  switch (r) {
    case "same":
      return "La sauvegarde est identique au registre actuel.";
    case "older":
      return "Un état antérieur de ce registre.";
    case "newer":
      return "Un état plus récent de ce registre.";
    case "diverged":
      return "Ce registre, mais son journal a suivi un autre chemin.";
    case "otherRegister":
      return "Attention : la sauvegarde d'un AUTRE registre.";
  }
}

/**
 * What SQLite says about a damaged file, short enough for a banner: its first meaningful line
 * (`PRAGMA quick_check` may return hundreds), without the "*** in database main ***" header.
 */
export function shortIntegrityError(raw: string, max = 140): string {
  const line =
    raw
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== "" && !/^\*\*\*.*\*\*\*$/.test(l)) ?? raw.trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export type MaintenanceTone = "ok" | "info" | "warn" | "error";

/**
 * The start-up maintenance in one French sentence, with its tone (the line of the settings
 * section). `restored`: a backup replaced the register since the start, so a damage found at
 * the start concerns the replaced file, not the register now open.
 */
export function maintenanceText(m: Maintenance, restored = false): { text: string; tone: MaintenanceTone } {
  if (!m.done) return { text: "Vérification du fichier et sauvegarde du jour en cours…", tone: "info" };
  if (m.integrityError && restored) {
    return {
      text:
        "Registre restauré depuis une sauvegarde vérifiée. " +
        "La sauvegarde automatique du jour sera faite au prochain démarrage.",
      tone: "ok",
    };
  }
  if (m.integrityError) {
    return {
      text:
        `Le fichier du registre semble endommagé (${shortIntegrityError(m.integrityError)}). ` +
        "Restaurez la dernière sauvegarde : « Restaurer une sauvegarde… » ci-dessous.",
      tone: "error",
    };
  }
  if (m.backupError) return { text: `La sauvegarde automatique du jour a échoué : ${m.backupError}`, tone: "warn" };
  if (m.backupWritten) {
    return { text: `Fichier vérifié. Sauvegarde du jour effectuée : ${fileName(m.backupWritten)}.`, tone: "ok" };
  }
  return { text: "Fichier vérifié. La sauvegarde du jour existait déjà.", tone: "ok" };
}

/**
 * The banner above every screen, or null: nothing while the maintenance runs or when all is
 * well (no noise), red for a damaged file, orange for a failed daily backup. Not shown on the
 * demonstration register (the maintenance concerns the firm's register).
 */
export function maintenanceAlert(
  m: Maintenance | null,
  ctx: { restored: boolean; isDemo: boolean },
): { text: string; tone: "error" | "warn" } | null {
  if (!m?.done || ctx.isDemo) return null;
  if (m.integrityError && !ctx.restored) {
    return {
      text:
        `Le fichier du registre semble endommagé (${shortIntegrityError(m.integrityError)}). ` +
        "Restaurez la dernière sauvegarde : Paramètres → Sauvegardes et intégrité.",
      tone: "error",
    };
  }
  if (m.backupError) return { text: `La sauvegarde automatique du jour a échoué : ${m.backupError}`, tone: "warn" };
  return null;
}

/** The verification's headline. */
export function verifyHeadline(r: VerifyReport): string {
  if (!r.ok) {
    const n = r.findings.length;
    if (n === 0) return "Altération détectée";
    return `Altération détectée : ${count(n, "problème", "problèmes")}`;
  }
  return (
    `Registre intègre : ${count(r.events, "événement", "événements")}, ` +
    `${count(r.complaints, "réclamation", "réclamations")}, ${count(r.letters, "lettre", "lettres")}, ` +
    `${count(r.attachments, "pièce jointe", "pièces jointes")} vérifiés.`
  );
}

export interface FindingGroup {
  /** The complaint the findings concern; null: the register as a whole (journal, file). */
  reference: string | null;
  findings: Finding[];
}

/** How many findings the report lists (a register edited wholesale can give thousands). */
export const SHOWN_FINDINGS = 50;

/**
 * The findings by complaint, in the order the backend found them: the group of the first
 * finding (the first broken link, the one to look at) comes first, and within a group the
 * findings keep their order. At most `max` findings are kept; `hidden` counts the others.
 */
export function groupFindings(findings: Finding[], max = SHOWN_FINDINGS): { groups: FindingGroup[]; hidden: number } {
  const groups: FindingGroup[] = [];
  const byRef = new Map<string | null, FindingGroup>();
  const shown = findings.slice(0, Math.max(0, max));
  for (const f of shown) {
    const key = f.reference && f.reference.trim() !== "" ? f.reference : null;
    let group = byRef.get(key);
    if (!group) {
      group = { reference: key, findings: [] };
      byRef.set(key, group);
      groups.push(group);
    }
    group.findings.push(f);
  }
  return { groups, hidden: findings.length - shown.length };
}

/** The toast after a restore: what the register now holds, and where the replaced one is. */
export function restoreSummary(r: RestoreReport): string {
  const held = `${count(r.events, "événement", "événements")}, ${formatComplaintCount(r.complaints)}`;
  const kept = r.howToUndo ? ` ${r.howToUndo}` : r.replacedKeptAs ? ` L'ancien registre est conservé : ${fileName(r.replacedKeptAs)}.` : "";
  return `Sauvegarde restaurée (${held}, journal vérifié).${kept}`;
}

/** Why a restore failed. A refused backup (checked before anything is replaced) leaves the register as it was. */
export function restoreErrorText(e: AppError): string {
  if (e.code === "validation" || e.code === "tampered") {
    const message = e.message.trim();
    const sentence = /[.!?…]$/.test(message) ? message : `${message}.`;
    return `Sauvegarde refusée : ${sentence} Le registre actuel n'a pas été modifié.`;
  }
  return e.message;
}

/**
 * The register could not be opened: may a backup replace it? Yes for a damaged or unreadable
 * file; not for a register made by a newer Reclam (update Reclam instead: restoring would lose
 * everything recorded since the backup), nor for a read-only or full disk (the copy would fail).
 */
export function restoreHelpsOpenError(code: string): boolean {
  return ["notADatabase", "database", "migration", "tampered", "io"].includes(code);
}

/** Where the automatic backups are by default: `sauvegardes` beside the register file. */
export function defaultBackupFolder(dbPath: string): string {
  const cut = Math.max(dbPath.lastIndexOf("/"), dbPath.lastIndexOf("\\"));
  return cut < 0 ? "sauvegardes" : joinPath(dbPath.slice(0, cut + 1), "sauvegardes");
}
