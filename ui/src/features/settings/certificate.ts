// The firm's signing certificate (CertificateSection.svelte, and the prompt of the letters
// when it is locked): the passphrase checked on screen before the core checks it again,
// where the core's refusals go, and the certificate as shown (holder, validity, fingerprint).
// Pure logic, tested without a backend.
import type { AppError, CertificateInfo } from "../../lib/backend/types";
import { formatDate } from "../../lib/format";
import { normalizeField } from "../complaint/fields";
import { sentence } from "../session/access";

/** The shortest passphrase the core accepts (counted in characters, as the core does). */
export const MIN_PASSPHRASE = 10;

export const PASSPHRASE_HINT = `${MIN_PASSPHRASE}\u00A0caractères au moins.`;

/** Characters of a passphrase (code points, like the core's count; an emoji is one). */
export function passphraseLength(passphrase: string): number {
  return [...passphrase].length;
}

/**
 * Before creating the certificate: a passphrase long enough, typed twice the same (a typo
 * in it would leave the firm unable to sign anything). Messages by field ("passphrase",
 * "confirmation"); empty when both are fine. The core checks the length again.
 */
export function newPassphraseProblems(passphrase: string, confirmation: string): Record<string, string> {
  if (passphrase === "") return { passphrase: "Saisissez la phrase secrète." };
  if (passphraseLength(passphrase) < MIN_PASSPHRASE) {
    return { passphrase: `La phrase secrète doit compter ${MIN_PASSPHRASE}\u00A0caractères au moins.` };
  }
  if (confirmation === "") return { confirmation: "Saisissez la phrase secrète une seconde fois." };
  if (confirmation !== passphrase) return { confirmation: "Les deux phrases secrètes saisies sont différentes." };
  return {};
}

/** Before unlocking: something typed (the core says whether it is the right one). */
export function unlockPassphraseProblem(passphrase: string): string | null {
  return passphrase === "" ? "Saisissez la phrase secrète du certificat." : null;
}

export interface CreateErrors {
  /** Next to the passphrase field (too short). */
  passphrase: string | null;
  /** Settings of the firm to fill in first ("firm.name", "firm.orias"), in the core's order. */
  settings: { key: string; message: string }[];
  /** Anything else (the firm already has a certificate, not a manager...). */
  general: string | null;
}

/**
 * Where a refusal of create_certificate goes: the passphrase's length beside its field (the
 * core names it "certificate"), each missing firm setting with the way to it, the rest above
 * the button.
 */
export function routeCreateError(err: AppError): CreateErrors {
  const refused = err.fields && err.fields.length > 0 ? err.fields : [{ field: err.field ?? "", message: err.message }];
  const out: CreateErrors = { passphrase: null, settings: [], general: null };
  const others: string[] = [];
  for (const r of refused) {
    const field = normalizeField(r.field);
    if (field === "passphrase" || (field === "certificate" && /phrase secrète/i.test(r.message))) {
      out.passphrase ??= sentence(r.message);
    } else if (field.startsWith("firm.")) {
      if (!out.settings.some((s) => s.key === field)) out.settings.push({ key: field, message: sentence(r.message) });
    } else if (!others.includes(r.message)) {
      others.push(r.message);
    }
  }
  if (others.length > 0) out.general = others.map(sentence).join(" ; ");
  return out;
}

/** Where a refusal of unlock_certificate goes: a wrong passphrase beside the field. */
export function routeUnlockError(err: AppError): { passphrase: string | null; general: string | null } {
  if (err.field && normalizeField(err.field) === "passphrase") return { passphrase: sentence(err.message), general: null };
  return { passphrase: null, general: sentence(err.message) };
}

/**
 * The letter was refused because the firm's certificate is not unlocked in this session
 * (field "certificate", "le certificat du cabinet est verrouillé…"): the passphrase is asked
 * in place. Any other certificate refusal (expired...) is shown as it is.
 */
export function isCertificateLocked(err: Pick<AppError, "field" | "message"> | null | undefined): boolean {
  if (!err || !err.field || normalizeField(err.field) !== "certificate") return false;
  return /verrouill/i.test(err.message);
}

/**
 * A SHA-256 fingerprint in blocks of 4 hex characters ("3f9a 0c12 …"), separators the core
 * might add (":" or spaces) dropped. Anything that is not hex is shown as it is.
 */
export function formatFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[\s:]/g, "");
  if (hex === "" || !/^[0-9a-fA-F]+$/.test(hex)) return fingerprint.trim();
  return (hex.match(/.{1,4}/g) ?? []).join(" ");
}

/** Values of an X.509 name ("CN=Cabinet Durand,OU=ORIAS 12345678,O=Cabinet Durand,C=FR"), by attribute. */
export function nameAttributes(name: string): [string, string][] {
  // Split on the commas that are not escaped ("\,").
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "\\" && i + 1 < name.length) {
      current += c + name[++i];
    } else if (c === ",") {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  const out: [string, string][] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const value = part
      .slice(eq + 1)
      .replace(/\\(.)/g, "$1")
      .trim();
    out.push([part.slice(0, eq).trim().toUpperCase(), value]);
  }
  return out;
}

/** Who a certificate names: its common name (the firm), else the whole name as the core gave it. */
export function certificateHolder(name: string): string {
  const cn = nameAttributes(name).find(([k]) => k === "CN" || k === "2.5.4.3");
  return cn && cn[1] !== "" ? cn[1] : name.trim();
}

/** "du 07/05/2026 au 07/05/2029" (the certificate's dates are UTC timestamps "2026-05-07T10:00:00Z"). */
export function validityText(info: Pick<CertificateInfo, "notBefore" | "notAfter">): string {
  return `du ${formatDate(info.notBefore)} au ${formatDate(info.notAfter)}`;
}

export type Validity = "valid" | "notYet" | "expired";

/**
 * Whether the certificate may sign today ("YYYY-MM-DD", the app's date), by the day: the core
 * refuses to sign before its first day or after its last one. Unknown dates count as valid.
 */
export function validityOn(info: Pick<CertificateInfo, "notBefore" | "notAfter">, today: string): Validity {
  const day = (s: string) => /^\d{4}-\d{2}-\d{2}/.exec(s)?.[0] ?? null;
  const now = day(today);
  if (now === null) return "valid";
  const from = day(info.notBefore);
  const to = day(info.notAfter);
  if (from !== null && now < from) return "notYet";
  if (to !== null && now > to) return "expired";
  return "valid";
}

/** The file's name from its path, for the import form ("cabinet.p12"). */
export function fileName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * Before importing a `.p12`: a file chosen, and the new passphrase checked as for a created
 * certificate (the file's own password may be anything, even empty: the core says whether it
 * opens the file). Messages by field ("file", "passphrase", "confirmation").
 */
export function importProblems(
  path: string | null,
  passphrase: string,
  confirmation: string,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!path) problems.file = "Choisissez le fichier du certificat (.p12 ou .pfx).";
  return { ...problems, ...newPassphraseProblems(passphrase, confirmation) };
}

/**
 * Where a refusal of import_certificate goes: a wrong password of the file beside its field,
 * the passphrase's length beside the passphrase, an unreadable file beside the file, the rest
 * (a valid certificate to replace, not a manager...) above the button.
 */
export function routeImportError(err: AppError): Record<string, string> {
  const refused = err.fields && err.fields.length > 0 ? err.fields : [{ field: err.field ?? "", message: err.message }];
  const out: Record<string, string> = {};
  for (const r of refused) {
    const field = normalizeField(r.field);
    const message = sentence(r.message);
    let to = "general";
    if (/mot de passe du fichier/i.test(r.message)) to = "password";
    else if (field === "passphrase" || /phrase secrète/i.test(r.message)) to = "passphrase";
    else if (field === "file" || /n'est pas un certificat|clé privée|fichier/i.test(r.message)) to = "file";
    out[to] = out[to] ? `${out[to]} ${message}` : message;
  }
  return out;
}

/** The reason for declaring the certificate revoked, checked before the core checks it again. */
export function revokeReasonProblem(reason: string): string | null {
  return reason.trim() === ""
    ? "Indiquez pourquoi le certificat est révoqué (clé perdue ou compromise, révocation par l'autorité…)."
    : null;
}

/** A certificate that no longer signs: declared revoked, or out of its validity. */
export function certificateRetired(info: Pick<CertificateInfo, "revokedOn" | "notBefore" | "notAfter">, today: string): boolean {
  return info.revokedOn !== null || validityOn(info, today) === "expired";
}
