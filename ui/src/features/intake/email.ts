// Saved e-mails (.eml, .msg) chosen or dropped on the app: which dropped files are e-mails, the
// core's proposal merged into the complaint form, what will be kept and the messages said.
// Pure logic, tested without a backend.
import type { AppError, EmailIntake, MailAttachmentInfo, NewComplaint } from "../../lib/backend/types";
import { formatFileSize } from "../../lib/format";
import { splitError } from "../complaint/fields";
import type { ComplaintForm } from "../complaint/form";
import { sentence } from "../session/access";

/** The extensions of a saved e-mail (compared case aside). */
export const EMAIL_EXTENSIONS: readonly string[] = ["eml", "msg"];

/** The core's field for the e-mail file itself (unreadable, too large...). */
export const EMAIL_FILE_FIELD = "file";

/** Said when something else than a saved e-mail is dropped. */
export const NOT_AN_EMAIL = "Seuls les e-mails enregistrés (.eml, .msg) peuvent être déposés ici";

/** The e-mail taken in at "Nouvelle réclamation": its path, what the core read in it. */
export interface AttachedEmail {
  path: string;
  intake: EmailIntake;
  /** The user chose the subject (category) since the e-mail filled the form. */
  subjectChosen: boolean;
}

/** The file name at the end of a path (Windows or Unix separators). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** True for a saved e-mail: ".eml" or ".msg", whatever the case ("Plainte.EML"). */
export function isEmailPath(path: string): boolean {
  const name = fileName(path.trim());
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return false;
  return EMAIL_EXTENSIONS.includes(name.slice(dot + 1).toLowerCase());
}

/** The first e-mail among dropped files, or null when none is one. */
export function firstEmailPath(paths: readonly string[]): string | null {
  return paths.find(isEmailPath) ?? null;
}

/** An attachment's size as the user reads it ("820 o", "12,3 Ko", "4,5 Mo"). */
export function attachmentSize(bytes: number): string {
  return formatFileSize(bytes);
}

/** One attachment that will be kept: "devis.pdf (12,3 Ko)". */
export function attachmentLine(a: MailAttachmentInfo): string {
  return `${a.name} (${attachmentSize(a.size)})`;
}

/** The core's warnings as sentences ("le message n'a pas…" -> "Le message n'a pas…"). */
export function warningLines(warnings: readonly string[]): string[] {
  return warnings.map(sentence).filter((w) => w !== "");
}

/**
 * The form filled with what the e-mail proposes: the client's name, e-mail, channel, dates and
 * description (each kept as typed when the message gives none). The subject is set to "other"
 * for the user to choose; what else was typed (contract, address...) stays.
 */
export function formWithEmail(form: ComplaintForm, proposal: NewComplaint): ComplaintForm {
  const name = proposal.client.name.trim();
  const email = (proposal.client.email ?? "").trim();
  const description = proposal.description.trim();
  return {
    ...form,
    clientName: name !== "" ? name : form.clientName,
    clientEmail: email !== "" ? email : form.clientEmail,
    channel: proposal.channel,
    sentOn: proposal.sentOn ?? form.sentOn,
    receivedOn: proposal.receivedOn !== "" ? proposal.receivedOn : form.receivedOn,
    subject: proposal.subject,
    description: description !== "" ? description : form.description,
    receivedBy: form.receivedBy.trim() !== "" ? form.receivedBy : (proposal.receivedBy ?? ""),
  };
}

/** "sa pièce jointe", "ses 3 pièces jointes". */
function attachmentsPhrase(count: number): string {
  return count === 1 ? "sa pièce jointe" : `ses ${count} pièces jointes`;
}

/** What a complaint's file keeps of an e-mail: "l'e-mail et ses 2 pièces jointes sont gardés dans le dossier". */
export function keptInFile(attachments: number): string {
  return attachments > 0
    ? `l'e-mail et ${attachmentsPhrase(attachments)} sont gardés dans le dossier`
    : "l'e-mail est gardé dans le dossier";
}

/** The toast once the complaint is recorded from the e-mail. */
export function recordedFromEmailToast(reference: string, attachments: number): string {
  return `Réclamation ${reference} enregistrée ; ${keptInFile(attachments)}`;
}

/** The toast once the e-mail went to a complaint already open, as an exchange. */
export function addedEmailToast(reference: string, attachments: number): string {
  return `Ajouté à ${reference} comme nouvel échange (pas de doublon au registre) ; ${keptInFile(attachments)}`;
}

/**
 * The toast once an e-mail is added to a complaint's exchanges. `attachments`: how many files
 * came with the message (the message itself aside); null when unknown.
 */
export function emailExchangeToast(attachments: number | null): string {
  if (attachments === 0) return "E-mail ajouté aux échanges ; le message est gardé dans les pièces jointes";
  if (attachments === 1) return "E-mail ajouté aux échanges avec sa pièce jointe";
  return "E-mail ajouté aux échanges avec ses pièces jointes";
}

/** The files an e-mail brought to a complaint's file: those added beyond the message itself. */
export function attachmentsBroughtIn(before: number, after: number): number | null {
  const added = after - before - 1;
  return added >= 0 ? added : null;
}

export interface EmailErrorRoute {
  /** The refusal of the e-mail file itself, shown at the drop zone. */
  file: string | null;
  /** Messages next to the form's fields. */
  fields: Record<string, string>;
  /** The refusal that belongs to no field. */
  general: string | null;
}

/** Route the core's refusal of a complaint recorded from an e-mail (field "file": the drop zone). */
export function routeEmailError(err: AppError, formFields: Iterable<string>): EmailErrorRoute {
  const split = splitError(err, [...formFields, EMAIL_FILE_FIELD]);
  const { [EMAIL_FILE_FIELD]: file, ...fields } = split.fields;
  return { file: file ?? null, fields, general: split.general };
}

/**
 * Keep a subscription that is set up asynchronously (`onFilesDropped`): the returned function
 * stops it, now or as soon as it is in place when the component went away meanwhile.
 */
export function keepSubscription(subscribe: () => Promise<() => void>): () => void {
  let stop: (() => void) | null = null;
  let stopped = false;
  subscribe().then(
    (unsubscribe) => {
      if (stopped) unsubscribe();
      else stop = unsubscribe;
    },
    () => {
      // No drops then (outside the desktop app, or the window refused): the button remains.
    },
  );
  return () => {
    stopped = true;
    stop?.();
    stop = null;
  };
}
