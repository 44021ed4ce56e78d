// A complaint received through a complaints platform ("Plateforme de réclamations"): the form
// that records what the platform says of it (its name, public or private, its request and
// deadline, the client's rating, the escalation to its legal-aid service) and what the file
// shows of it. The rules are the core's (set_platform): these functions only map the form to
// the wire and word what was recorded.
// Pure functions: unit-tested, no Svelte, no Tauri.
import type { AppError, PlatformCase } from "../../lib/backend/types";

/** Wire field -> id of its input in the form (the core's refusals name these fields). */
export const PLATFORM_INPUTS: Readonly<Record<string, string>> = {
  name: "platform-name",
  public: "platform-public-yes",
  requestedOn: "platform-requested-on",
  respondBy: "platform-respond-by",
  rating: "platform-rating",
  escalatedOn: "platform-escalated-on",
};

/** Shown, permanently, as long as the complaint is public (form or recorded details). */
export const PUBLIC_WARNING =
  "Plainte publique\u00A0: l'intégralité de votre réponse sera publiée. Retirez toute donnée personnelle " +
  "(noms, adresses, numéros) et toute signature.";

/** Beside the "Publique / Privée" radios when the user has not chosen. */
export const PUBLIC_REQUIRED = "Indiquez si la plainte est publique ou privée.";

/** The core's refusal of a save that changes nothing, shown as a neutral message. */
export const NOTHING_CHANGED = "Rien n'a changé\u00A0: les informations de la plateforme sont déjà enregistrées ainsi.";

/** The rating select's options ("" = not given). */
export const RATINGS: readonly number[] = [1, 2, 3, 4, 5];

/** The "Publique / Privée" radios: "" until the user chooses (never defaulted: a public
 * complaint recorded as private would lose the warning about personal data). */
export type PublicChoice = "public" | "private" | "";

/** The form as typed. */
export interface PlatformForm {
  name: string;
  visibility: PublicChoice;
  /** ISO dates, or "" (not given). */
  requestedOn: string;
  respondBy: string;
  escalatedOn: string;
  /** "1".."5", or "" (not given). */
  rating: string;
}

/** The form of a first record: nothing chosen. */
export function emptyPlatformForm(): PlatformForm {
  return { name: "", visibility: "", requestedOn: "", respondBy: "", escalatedOn: "", rating: "" };
}

/** The form prefilled with what is recorded ("Modifier"). */
export function platformToForm(p: PlatformCase | null | undefined): PlatformForm {
  if (!p) return emptyPlatformForm();
  return {
    name: p.name,
    visibility: p.public ? "public" : "private",
    requestedOn: p.requestedOn ?? "",
    respondBy: p.respondBy ?? "",
    escalatedOn: p.escalatedOn ?? "",
    rating: p.rating === null || p.rating === undefined ? "" : String(p.rating),
  };
}

export type PlatformCheck = { ok: true; request: PlatformCase } | { ok: false; errors: Record<string, string> };

/** The rating select's value -> the wire's 1..5, or null. */
function ratingValue(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isInteger(n) ? n : null;
}

/**
 * The form as typed -> what `setPlatform` sends, or the field errors (wire names) that stop
 * it before anything is sent. Everything else (the name required, the rating's range, dates
 * in the future, a deadline before the request) is the core's to refuse.
 */
export function platformRequest(f: PlatformForm): PlatformCheck {
  if (f.visibility === "") return { ok: false, errors: { public: PUBLIC_REQUIRED } };
  return {
    ok: true,
    request: {
      name: f.name.trim(),
      public: f.visibility === "public",
      requestedOn: f.requestedOn === "" ? null : f.requestedOn,
      respondBy: f.respondBy === "" ? null : f.respondBy,
      rating: ratingValue(f.rating),
      escalatedOn: f.escalatedOn === "" ? null : f.escalatedOn,
    },
  };
}

/** The core refused the save because nothing changed ("REC-… : rien n'a changé"). */
export function isNothingChanged(err: AppError): boolean {
  return err.code === "transition" && !err.field && /rien n'a changé\s*$/i.test(err.message.trim());
}

/**
 * The platform's deadline is past and the complaint has no answer yet (nor has it ended:
 * withdrawn or requalified, its deadlines stopped). `today` is an ISO date.
 */
export function platformOverdue(
  p: Pick<PlatformCase, "respondBy">,
  answered: boolean,
  ended: boolean,
  today: string,
): boolean {
  if (!p.respondBy || answered || ended || today === "") return false;
  return p.respondBy < today;
}

/** "Plainte publique" / "Plainte privée". */
export function visibilityLabel(isPublic: boolean): string {
  return isPublic ? "Plainte publique" : "Plainte privée";
}

/** The client's rating: "4/5". */
export function ratingText(rating: number): string {
  return `${rating}/5`;
}
