// The firm's shared register, in words: the sync badge (online, offline since, changes
// waiting, conflicts), the status panel's lines, the conflicts' kinds and reasons, what a
// conflicting change contained, and when to sync. Pure functions: the shell does the work.
import type { Role, SyncConflict, SyncStatus } from "../../lib/backend/types";
import {
  CHANNEL_LABELS,
  DIRECTION_LABELS,
  DISPUTE_KIND_LABELS,
  DYSFUNCTION_CATEGORY_LABELS,
  FEEDBACK_LABELS,
  GESTURE_KIND_LABELS,
  OUTCOME_LABELS,
  REFUND_BASIS_LABELS,
  REFUND_SCOPE_LABELS,
  ROLE_LABELS,
  SUBJECT_LABELS,
} from "../../lib/backend/labels";
import { NBSP, formatDate, formatDateTime, formatInteger, formatMoney } from "../../lib/format";

/** How often the status is asked (and, online, a sync made). */
export const POLL_MS = 30_000;
/** How often a desk offline tries to reach the server again. */
export const RETRY_OFFLINE_MS = 60_000;

/** "1 changement", "0 changement", "3 changements" (French: 0 and 1 are singular). */
function counted(n: number, singular: string, plural: string): string {
  return `${formatInteger(n)} ${Math.abs(n) >= 2 ? plural : singular}`;
}

export function changeCount(n: number): string {
  return counted(n, "changement", "changements");
}

/** A role as the core names it, in French ("supervisor" -> "Responsable"); unknown ones as is. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function sameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "Hors ligne depuis 14:32" (today), "Hors ligne depuis le 07/05/2026", or "Hors ligne". */
export function offlineText(since: string | null, now: Date): string {
  if (!since) return "Hors ligne";
  const d = new Date(since);
  if (Number.isNaN(d.getTime())) return "Hors ligne";
  if (sameLocalDay(d, now)) return `Hors ligne depuis ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  return `Hors ligne depuis le ${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export type SyncTone = "online" | "offline" | "unknown";

export interface SyncBadge {
  /** "En ligne" / "Hors ligne depuis 14:32". */
  state: string;
  tone: SyncTone;
  /** "2 changements en attente", when some wait to be sent. */
  pending: string | null;
  /** "1 conflit", when some are to be reviewed. */
  conflicts: string | null;
}

/** What the badge says of a status (null: not known yet). */
export function syncBadge(status: SyncStatus | null, now: Date): SyncBadge {
  if (!status) return { state: "Registre du cabinet", tone: "unknown", pending: null, conflicts: null };
  return {
    state: status.online ? "En ligne" : offlineText(status.offlineSince, now),
    tone: status.online ? "online" : "offline",
    pending: status.pending > 0 ? `${changeCount(status.pending)} en attente` : null,
    conflicts: status.conflicts > 0 ? counted(status.conflicts, "conflit", "conflits") : null,
  };
}

/** "Claire Martin (Responsable)". */
export function memberText(status: Pick<SyncStatus, "member" | "role">): string {
  return `${status.member} (${roleLabel(status.role)})`;
}

/** "Journal du cabinet : 42 changements". */
export function journalText(chainLength: number): string {
  return `Journal du cabinet${NBSP}: ${changeCount(chainLength)}`;
}

/** What "Tester la connexion" reports when the server answered. */
export function testSuccessText(status: SyncStatus): string {
  return `Connexion réussie${NBSP}: ${memberText(status)}, journal du cabinet${NBSP}: ${changeCount(status.serverLength ?? status.chainLength)}`;
}

/** The changes waiting to be sent, and among them the other members' ones. */
export function pendingText(status: Pick<SyncStatus, "pending" | "pendingOthers">): string {
  if (status.pending <= 0) return "Aucun changement en attente d'envoi";
  const base = `${changeCount(status.pending)} en attente d'envoi`;
  if (status.pendingOthers <= 0) return base;
  return `${base}, dont ${formatInteger(status.pendingOthers)} d'un autre membre (envoyé${status.pendingOthers >= 2 ? "s" : ""} à sa prochaine connexion sur ce poste)`;
}

/** The status line of the panel: "En ligne" or "Hors ligne depuis le 07/05/2026 à 14:32". */
export function connectionText(status: Pick<SyncStatus, "online" | "offlineSince">): string {
  if (status.online) return "En ligne";
  return status.offlineSince ? `Hors ligne depuis le ${formatDateTime(status.offlineSince)}` : "Hors ligne";
}

/** A server address without any password someone may have typed in it. */
export function displayServer(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*):[^@/]*@/i, "$1@");
}

/** The login of `postgres://LOGIN@HOST:PORT/DB` (null when the address has none). */
export function loginFromUrl(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^:@/]+)(?::[^@/]*)?@/i.exec(url.trim());
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** The server form's missing fields (by field: "url", "password"), before asking the shell. */
export function serverFormProblems(url: string, password: string, needsUrl = true): Record<string, string> {
  const problems: Record<string, string> = {};
  if (needsUrl && url.trim() === "") problems.url = "Saisissez l'adresse du serveur du cabinet.";
  if (password === "") problems.password = "Saisissez votre mot de passe.";
  return problems;
}

export type PollAction = "syncNow" | "status";

/**
 * What the 30-second tick does: online with the window visible, a sync; otherwise the status
 * (no network), and offline a sync attempt once a minute to come back online.
 * `sinceAttemptMs`: time since the last sync attempt.
 */
export function pollAction(status: Pick<SyncStatus, "online"> | null, visible: boolean, sinceAttemptMs: number): PollAction {
  if (!status) return "status";
  if (status.online) return visible ? "syncNow" : "status";
  // A tick comes a little early now and then: one minute, give or take a few seconds.
  return sinceAttemptMs >= RETRY_OFFLINE_MS - 5_000 ? "syncNow" : "status";
}

/** The desk received changes from the firm's journal: what screens show may have changed. */
export function pulledChanges(before: Pick<SyncStatus, "chainLength"> | null, after: Pick<SyncStatus, "chainLength">): boolean {
  return before !== null && after.chainLength > before.chainLength;
}

// ---- Conflicts ---------------------------------------------------------------------------

/** The kinds of change of the firm's journal. */
export const CONFLICT_KIND_LABELS: Readonly<Record<string, string>> = {
  record: "Enregistrement",
  acknowledge: "Accusé de réception",
  hold: "Réponse d'attente",
  answer: "Réponse",
  close: "Clôture",
  addDysfunction: "Dysfonctionnement",
  addExchange: "Échange",
  addDisputeStep: "Étape de litige",
  update: "Correction",
  setSetting: "Réglage",
  addUser: "Membre",
  recordRequest: "Demande",
  resolveConflict: "Résolution",
};

export function conflictKindLabel(kind: string): string {
  return CONFLICT_KIND_LABELS[kind] ?? kind;
}

export const CONFLICT_REASON_LABELS: Readonly<Record<string, string>> = {
  refused: `Refusé${NBSP}: la réclamation avait déjà avancé`,
  concurrent: `Simultané${NBSP}: modifiée par quelqu'un d'autre en même temps`,
};

export function conflictReasonLabel(reason: string): string {
  return CONFLICT_REASON_LABELS[reason] ?? reason;
}

/** "Réponse par Claire Martin le 07/05/2026 à 14:32". */
export function conflictWhat(c: Pick<SyncConflict, "kind" | "author" | "actedAt">): string {
  return `${conflictKindLabel(c.kind)} par ${c.author} le ${formatDateTime(c.actedAt)}`;
}

/** Validation before resolving: a note says what was checked or decided. */
export function resolutionProblem(note: string): string | null {
  return note.trim() === "" ? "Indiquez ce qui a été vérifié ou décidé." : null;
}

export interface PayloadLine {
  label: string;
  value: string;
}

export interface PayloadSummary {
  /** The fields a person reads, in French (empty when none is known). */
  lines: PayloadLine[];
  /** The whole change, indented. */
  json: string;
}

type Format = (v: unknown) => string | null;

const text: Format = (v) => (typeof v === "string" ? (v.trim() === "" ? null : v) : typeof v === "number" ? String(v) : null);
const date: Format = (v) => (typeof v === "string" && v !== "" ? (/^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : formatDateTime(v)) : null);
/** Euros as typed ("150", "150,00") or as the wire sends them ("150.00"). */
const money: Format = (v) => {
  const t = text(v);
  return t === null ? null : formatMoney(t.replace(",", "."));
};
const label =
  (labels: Readonly<Record<string, string>>): Format =>
  (v) =>
    typeof v === "string" && v !== "" ? (labels[v] ?? v) : null;
const yesNo: Format = (v) => (typeof v === "boolean" ? (v ? "Oui" : "Non") : null);
const list: Format = (v) => (Array.isArray(v) && v.length > 0 ? v.filter((x) => typeof x === "string").join(", ") || null : null);
const clientName: Format = (v) => (typeof v === "object" && v !== null ? text((v as { name?: unknown }).name) : text(v));

/** The fields shown, in this order, with their French label. */
const FIELDS: ReadonlyArray<[string, string, Format]> = [
  ["client", "Client", clientName],
  ["clientName", "Client", text],
  ["subject", "Objet", label(SUBJECT_LABELS)],
  ["channel", "Canal", label(CHANNEL_LABELS)],
  ["direction", "Sens", label(DIRECTION_LABELS)],
  ["sentOn", "Envoyée le", date],
  ["receivedOn", "Reçue le", date],
  ["on", "Date", date],
  ["kind", "Étape", label(DISPUTE_KIND_LABELS)],
  ["outcome", "Décision", label(OUTCOME_LABELS)],
  ["summary", "Résumé", text],
  ["description", "Description", text],
  ["category", "Catégorie", label(DYSFUNCTION_CATEGORY_LABELS)],
  ["note", "Note", text],
  ["gesture", "Geste commercial", money],
  ["gestureKind", "Nature du geste", label(GESTURE_KIND_LABELS)],
  ["gestureReason", "Motif du geste", text],
  ["refundAmount", "Remboursement", money],
  ["refundBasis", "Fondement du remboursement", label(REFUND_BASIS_LABELS)],
  ["refundScope", "Étendue du remboursement", label(REFUND_SCOPE_LABELS)],
  ["feedback", "Retour du client", label(FEEDBACK_LABELS)],
  ["satisfaction", "Satisfaction", (v) => (typeof v === "number" ? `${v}/5` : null)],
  ["recourse", "Voies de recours", text],
  ["handler", "Gestionnaire", text],
  ["otherParties", "Autres parties", list],
  ["key", "Réglage", text],
  ["value", "Valeur", text],
  ["name", "Nom", text],
  ["role", "Fonction", label(ROLE_LABELS)],
  ["canSign", "Peut signer", yesNo],
  ["seq", "Changement examiné", (v) => (typeof v === "number" ? `n°${NBSP}${v}` : null)],
];

/** The change as an object: the payload may come as JSON text. */
function asObject(payload: unknown): Record<string, unknown> | null {
  let value = payload;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function pretty(payload: unknown): string {
  if (typeof payload === "string") {
    try {
      return JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      return payload;
    }
  }
  try {
    return JSON.stringify(payload, null, 2) ?? String(payload);
  } catch {
    return String(payload);
  }
}

/**
 * What a conflicting change contained, readably: its known fields (those of the request, or of
 * its `input`: the complaint, the exchange...) in French, and the whole change as JSON.
 */
export function payloadSummary(payload: unknown): PayloadSummary {
  const json = pretty(payload);
  const obj = asObject(payload);
  if (!obj) return { lines: [], json };
  const input = asObject(obj.input);
  // The request's own fields first (the date of an answer), then its input's.
  const fields: Record<string, unknown> = { ...(input ?? {}), ...obj };
  delete fields.input;
  const lines: PayloadLine[] = [];
  for (const [key, name, format] of FIELDS) {
    if (!(key in fields)) continue;
    const value = format(fields[key]);
    if (value !== null) lines.push({ label: name, value });
  }
  return { lines, json };
}
