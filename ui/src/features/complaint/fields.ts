// Where a backend error belongs on screen: AppError.field names a wire field
// ("client.name", "receivedOn"...); the form shows the message next to that input.
import type { AppError } from "../../lib/backend/types";
import { errorText, formatDate, formatMoney } from "../../lib/format";
import {
  CHANNEL_LABELS,
  CLIENT_KIND_LABELS,
  CLIENT_RELATION_LABELS,
  SUBJECT_LABELS,
} from "../../lib/backend/labels";

/** Wire field name -> id of the input in the complaint form. */
export const COMPLAINT_FIELD_INPUTS: Readonly<Record<string, string>> = {
  "client.name": "client-name",
  "client.kind": "client-kind",
  "client.relation": "client-relation",
  "client.address": "client-address",
  "client.email": "client-email",
  "client.phone": "client-phone",
  "client.number": "client-number",
  channel: "channel",
  sentOn: "sent-on",
  receivedOn: "received-on",
  subject: "subject",
  description: "description",
  amountClaimed: "amountClaimed",
  "contract.number": "contract-number",
  "contract.product": "contract-product",
  "contract.insurer": "contract-insurer",
  otherParties: "other-parties",
  personsConcerned: "persons-concerned",
  receivedBy: "received-by",
  handler: "handler",
};

/** French names of complaint fields, for the history of edits. */
export const COMPLAINT_FIELD_LABELS: Readonly<Record<string, string>> = {
  "client.name": "Nom du client",
  "client.kind": "Type de client",
  "client.relation": "Qualité du réclamant",
  "client.address": "Adresse",
  "client.email": "E-mail",
  "client.phone": "Téléphone",
  "client.number": "N° client",
  channel: "Canal",
  sentOn: "Date d'envoi",
  receivedOn: "Date de réception",
  subject: "Objet",
  description: "Description",
  amountClaimed: "Montant réclamé",
  "contract.number": "N° de contrat",
  "contract.product": "Produit",
  "contract.insurer": "Assureur",
  otherParties: "Intervenants",
  personsConcerned: "Personnes visées",
  receivedBy: "Reçue par",
  handler: "Gestionnaire",
};

const SNAKE = /_([a-z])/g;

/**
 * Canonical form of a backend field name: strips an "input." prefix and list
 * indexes, turns snake_case into camelCase ("client_name" stays "clientName":
 * only dotted names map to nested fields).
 */
export function normalizeField(field: string): string {
  return field
    .trim()
    .replace(/^input\./, "")
    .replace(/\[\d+\]/g, "")
    .replace(/\.\d+(?=\.|$)/g, "")
    .replace(SNAKE, (_, c: string) => c.toUpperCase());
}

export interface SplitError {
  /** Messages to show inline, by canonical field name. */
  fields: Record<string, string>;
  /** Message for the general error banner: what belongs to no field of the form. */
  general: string | null;
}

/**
 * Route an AppError: every refused field the form has gets its message beside it (the core
 * may refuse several at once, `fields`, and the form shows them together); anything else
 * goes to the general banner, a failure nobody foresaw in a French sentence (`errorText`).
 */
export function splitError(err: AppError, knownFields: Iterable<string>): SplitError {
  const known = new Set(knownFields);
  const refused =
    err.fields && err.fields.length > 0 ? err.fields : err.field ? [{ field: err.field, message: err.message }] : [];
  const fields: Record<string, string> = {};
  const others: string[] = [];
  for (const r of refused) {
    const field = normalizeField(r.field);
    if (known.has(field)) {
      if (!(field in fields)) fields[field] = r.message;
    } else if (!others.includes(r.message)) {
      others.push(r.message);
    }
  }
  if (refused.length === 0) others.push(errorText(err));
  return { fields, general: others.length > 0 ? others.join(" ; ") : null };
}

/** Input id for a wire field of the complaint form, or null. */
export function inputIdFor(field: string): string | null {
  return COMPLAINT_FIELD_INPUTS[normalizeField(field)] ?? null;
}

const ENUM_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  channel: CHANNEL_LABELS,
  subject: SUBJECT_LABELS,
  "client.kind": CLIENT_KIND_LABELS,
  "client.relation": CLIENT_RELATION_LABELS,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Fields holding a sum of money (a wire decimal). */
const MONEY_FIELDS: ReadonlySet<string> = new Set(["amountClaimed"]);

/** A field value from the journal, as a French reader expects it. */
export function displayFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "(vide)";
  if (Array.isArray(value)) return value.length === 0 ? "(vide)" : value.map((v) => String(v)).join(", ");
  if (typeof value === "string") {
    const labels = ENUM_FIELDS[normalizeField(field)];
    if (labels && value in labels) return labels[value];
    if (MONEY_FIELDS.has(normalizeField(field))) return formatMoney(value);
    if (ISO_DATE.test(value)) return formatDate(value);
    return value;
  }
  if (typeof value === "boolean") return value ? "oui" : "non";
  if (typeof value === "number") return String(value);
  return JSON.stringify(value);
}

export function fieldLabel(field: string): string {
  return COMPLAINT_FIELD_LABELS[normalizeField(field)] ?? field;
}
