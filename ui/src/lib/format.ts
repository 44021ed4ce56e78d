// Pure French formatting helpers. No Intl / locale data: output must be
// identical on every WebView and in Node tests.
import type { Channel, NextDeadline, Status, Step, Subject } from "./backend/types";

/** U+202F NARROW NO-BREAK SPACE: French thousands separator. */
export const NNBSP = "\u202F";
/** U+00A0 NO-BREAK SPACE: before the currency sign. */
export const NBSP = "\u00A0";

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  received: "Reçue",
  acknowledged: "Accusée",
  answered: "Répondue",
  closed: "Clôturée",
};

export const SUBJECT_LABELS: Readonly<Record<Subject, string>> = {
  subscription: "Souscription",
  contractManagement: "Gestion du contrat",
  claimSettlement: "Règlement de sinistre",
  premiumBilling: "Cotisations / facturation",
  termination: "Résiliation",
  adviceDuty: "Devoir de conseil / information",
  serviceQuality: "Qualité de service",
  personalData: "Données personnelles",
  other: "Autre",
};

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  letter: "Courrier",
  email: "E-mail",
  phone: "Téléphone",
  inPerson: "En agence",
  webForm: "Formulaire web",
  platform: "Plateforme tierce",
  socialNetwork: "Réseau social",
  other: "Autre",
};

export const STEP_LABELS: Readonly<Record<Step, string>> = {
  acknowledgement: "Accusé de réception",
  answer: "Réponse",
};

/** Statuses in workflow order, for filter selects. */
export const STATUS_ORDER: readonly Status[] = ["received", "acknowledged", "answered", "closed"];

export function statusLabel(s: Status): string {
  return STATUS_LABELS[s] ?? s;
}
export function subjectLabel(s: Subject): string {
  return SUBJECT_LABELS[s] ?? s;
}
export function channelLabel(c: Channel): string {
  return CHANNEL_LABELS[c] ?? c;
}
export function stepLabel(s: Step): string {
  return STEP_LABELS[s] ?? s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2026-05-07" -> "07/05/2026". Pure string work: no Date, no timezone. Unparseable input is returned as is. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Days until a deadline: "dans 3 j", "aujourd'hui", "en retard de 2 j". ("j" is an invariable abbreviation.) */
export function formatDaysLeft(n: number): string {
  if (!Number.isFinite(n)) return "";
  const d = Math.trunc(n);
  if (d === 0) return "aujourd'hui";
  if (d > 0) return `dans ${d} j`;
  return `en retard de ${-d} j`;
}

/** Group an unsigned digit string by thousands with U+202F. */
export function groupThousands(digits: string): string {
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += NNBSP;
    out += digits[i];
  }
  return out;
}

/** Add one to an unsigned digit string ("999" -> "1000"). */
function incrementDigits(digits: string): string {
  const chars = digits.split("");
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === "9") {
      chars[i] = "0";
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
  }
  return "1" + chars.join("");
}

const DECIMAL = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/;

/**
 * Decimal string -> French euro amount: "1234.5" -> "1 234,50 €"
 * (U+202F between thousands, U+00A0 before €). Rounded half away from zero to
 * cents using string arithmetic only (no float). Unparseable input is returned as is.
 */
export function formatMoney(amount: string): string {
  const m = DECIMAL.exec(amount);
  if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) return amount;
  const negative = m[1] === "-";
  let intPart = m[2].replace(/^0+(?=\d)/, "") || "0";
  const frac = (m[3] ?? "").padEnd(3, "0");
  let cents = frac.slice(0, 2);
  if (frac[2] >= "5") {
    const bumped = incrementDigits(intPart + cents);
    intPart = bumped.slice(0, -2) || "0";
    cents = bumped.slice(-2);
  }
  const isZero = /^0*$/.test(intPart + cents);
  const sign = negative && !isZero ? "-" : "";
  return `${sign}${groupThousands(intPart)},${cents}${NBSP}€`;
}

/** Integer with French thousands grouping: 1234 -> "1 234". */
export function formatInteger(n: number): string {
  const d = Math.trunc(n);
  const sign = d < 0 ? "-" : "";
  return sign + groupThousands(String(Math.abs(d)));
}

/** "1 réclamation", "1 234 réclamations" (French: 0 and 1 are singular). */
export function formatComplaintCount(n: number): string {
  return `${formatInteger(n)} réclamation${Math.abs(n) >= 2 ? "s" : ""}`;
}

/** Number of pages (at least 1) for `total` rows. */
export function pageCount(total: number, pageSize: number): number {
  if (pageSize <= 0 || total <= 0) return 1;
  return Math.ceil(total / pageSize);
}

export type DeadlineTone = "overdue" | "soon" | "normal";

/** Visual tone of a deadline: overdue wins over due-soon. */
export function deadlineTone(next: NextDeadline): DeadlineTone {
  if (next.overdue) return "overdue";
  if (next.dueSoon) return "soon";
  return "normal";
}
