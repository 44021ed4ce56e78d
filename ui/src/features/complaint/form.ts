// The complaint form as the user types it (every input a string) and its mapping
// to the wire type NewComplaint. Pure functions: unit-tested, no Svelte, no Tauri.
import type {
  Channel,
  ClientKind,
  ClientRelation,
  Complaint,
  NewComplaint,
  NewRequest,
  Subject,
} from "../../lib/backend/types";
import { parseAmountInput } from "../../lib/format";

export interface ComplaintForm {
  clientName: string;
  clientKind: ClientKind;
  clientRelation: ClientRelation;
  clientAddress: string;
  clientEmail: string;
  clientPhone: string;
  clientNumber: string;
  channel: Channel;
  sentOn: string;
  receivedOn: string;
  subject: Subject;
  description: string;
  /** What the client claims, in euros as typed ("" = not a sum). */
  amountClaimed: string;
  contractNumber: string;
  contractProduct: string;
  contractInsurer: string;
  /** Comma or line separated. */
  otherParties: string;
  /** Comma or line separated. */
  personsConcerned: string;
  receivedBy: string;
  handler: string;
}

export interface RequestForm {
  clientName: string;
  channel: Channel;
  receivedOn: string;
  description: string;
}

/** A blank form: received today (backend clock), taken by the current user. */
export function emptyComplaintForm(today: string, currentUser: string | null): ComplaintForm {
  return {
    clientName: "",
    clientKind: "person",
    clientRelation: "client",
    clientAddress: "",
    clientEmail: "",
    clientPhone: "",
    clientNumber: "",
    channel: "letter",
    sentOn: "",
    receivedOn: today,
    subject: "claimSettlement",
    description: "",
    amountClaimed: "",
    contractNumber: "",
    contractProduct: "",
    contractInsurer: "",
    otherParties: "",
    personsConcerned: "",
    receivedBy: currentUser ?? "",
    handler: "",
  };
}

export function emptyRequestForm(today: string): RequestForm {
  return { clientName: "", channel: "phone", receivedOn: today, description: "" };
}

/** Trimmed text, or null when nothing but blanks was typed. */
export function emptyToNull(s: string | null | undefined): string | null {
  const t = (s ?? "").trim();
  return t === "" ? null : t;
}

/** "Assureur X, Expert Y\nGestionnaire Z" -> ["Assureur X", "Expert Y", "Gestionnaire Z"]. */
export function parseList(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Inverse of parseList for editing: one item per line. */
export function formatList(items: readonly string[]): string {
  return items.join("\n");
}

/**
 * A typed euro amount for the wire: the decimal meant ("1 234,5" -> "1234.50"), blank -> null,
 * and text that is no amount as typed (the core refuses it beside its field).
 */
export function amountToWire(text: string): string | null {
  const parsed = parseAmountInput(text);
  return parsed === undefined ? text.trim() : parsed;
}

/** Oral channels: the client must be invited to confirm in writing. */
export function isOralChannel(channel: Channel): boolean {
  return channel === "phone" || channel === "inPerson";
}

export function formToNewComplaint(f: ComplaintForm): NewComplaint {
  return {
    client: {
      name: f.clientName.trim(),
      address: emptyToNull(f.clientAddress),
      email: emptyToNull(f.clientEmail),
      phone: emptyToNull(f.clientPhone),
      number: emptyToNull(f.clientNumber),
      kind: f.clientKind,
      relation: f.clientRelation,
    },
    channel: f.channel,
    sentOn: emptyToNull(f.sentOn),
    receivedOn: f.receivedOn.trim(),
    subject: f.subject,
    description: f.description.trim(),
    amountClaimed: amountToWire(f.amountClaimed),
    contract: {
      number: emptyToNull(f.contractNumber),
      product: emptyToNull(f.contractProduct),
      insurer: emptyToNull(f.contractInsurer),
    },
    otherParties: parseList(f.otherParties),
    personsConcerned: parseList(f.personsConcerned),
    receivedBy: emptyToNull(f.receivedBy),
    handler: emptyToNull(f.handler),
  };
}

/** The edit form of an existing complaint. */
export function complaintToForm(c: Complaint): ComplaintForm {
  return {
    clientName: c.client.name,
    clientKind: c.client.kind,
    clientRelation: c.client.relation,
    clientAddress: c.client.address ?? "",
    clientEmail: c.client.email ?? "",
    clientPhone: c.client.phone ?? "",
    clientNumber: c.client.number ?? "",
    channel: c.channel,
    sentOn: c.sentOn ?? "",
    receivedOn: c.receivedOn,
    subject: c.subject,
    description: c.description,
    amountClaimed: (c.amountClaimed ?? "").replace(".", ","),
    contractNumber: c.contract.number ?? "",
    contractProduct: c.contract.product ?? "",
    contractInsurer: c.contract.insurer ?? "",
    otherParties: formatList(c.otherParties),
    personsConcerned: formatList(c.personsConcerned),
    receivedBy: c.receivedBy ?? "",
    handler: c.handler ?? "",
  };
}

export function requestFormToNewRequest(f: RequestForm): NewRequest {
  return {
    clientName: f.clientName.trim(),
    channel: f.channel,
    receivedOn: f.receivedOn.trim(),
    description: f.description.trim(),
  };
}

/** True once the user has typed something worth keeping. */
export function isFormDirty(f: ComplaintForm, blank: ComplaintForm): boolean {
  return (Object.keys(f) as (keyof ComplaintForm)[]).some((k) => f[k] !== blank[k]);
}
