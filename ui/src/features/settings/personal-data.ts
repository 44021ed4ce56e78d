// Personal data (RGPD): the retention setting, the anonymisation confirmation, the client export.

import type { Candidate } from "../../lib/backend";

export const RETENTION_KEY = "retention.years";
export const DEFAULT_RETENTION_YEARS = 5;
export const MIN_QUERY_CHARS = 3;

function plural(n: number, one: string, many: string): string {
  return `${n}\u00A0${n === 1 ? one : many}`;
}

/** "2 lettres, 1 pièce jointe, 3 échanges" — what anonymising a complaint changes beyond it. */
export function candidateDetails(c: Candidate): string {
  const parts: string[] = [];
  if (c.letters > 0) parts.push(plural(c.letters, "lettre", "lettres"));
  if (c.attachments > 0) parts.push(plural(c.attachments, "pièce jointe", "pièces jointes"));
  if (c.exchanges > 0) parts.push(plural(c.exchanges, "échange", "échanges"));
  parts.push(plural(c.events, "événement du journal", "événements du journal"));
  return parts.join(", ");
}

/** The confirmation sentence of the anonymisation button. */
export function anonymiseLabel(count: number): string {
  return count === 1 ? "Anonymiser ce dossier" : `Anonymiser ces ${count}\u00A0dossiers`;
}

/** Whether a client export query is long enough to be specific. */
export function queryProblem(query: string): string | null {
  return query.trim().length < MIN_QUERY_CHARS
    ? `Indiquez le nom exact ou l'adresse e-mail du client (${MIN_QUERY_CHARS}\u00A0caractères au moins).`
    : null;
}
