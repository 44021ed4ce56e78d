// Signed updates as the settings section ("Mises à jour") and the start-up check see them: the
// steps from a check to the install (one operation at a time), what the download has
// received, whether the firm wants a check at start. Pure logic, tested without a backend: the
// core finds, downloads, verifies the signature and installs.
import type { AppError, DownloadProgress, UpdateOffer } from "../../lib/backend";
import { NNBSP, errorSentence, formatDate, formatFileSize } from "../../lib/format";

/** The firm's setting: look for a new version when the app starts ("true" unless turned off). */
export const AUTOMATIC_KEY = "updates.automatic";

/** Where the update stands in this run of the app. */
export type UpdateState =
  /** Nothing asked yet. */
  | { kind: "idle" }
  | { kind: "checking" }
  /** No newer version: `version` is the one running. */
  | { kind: "current"; version: string }
  | { kind: "available"; offer: UpdateOffer }
  | { kind: "downloading"; offer: UpdateOffer; progress: DownloadProgress }
  /** Downloaded and its signature verified: ready to install. */
  | { kind: "ready"; offer: UpdateOffer }
  /** The register is being backed up, the update installed; the app restarts. */
  | { kind: "installing"; offer: UpdateOffer }
  /**
   * A check, download or install refused (`signature`: the package does not verify); the
   * offer stays known when there was one, so that the download can be tried again.
   */
  | { kind: "error"; message: string; signature: boolean; offer: UpdateOffer | null };

export type UpdateEvent =
  | { type: "check" }
  | { type: "checked"; offer: UpdateOffer | null; installed: string }
  | { type: "download" }
  | { type: "progress"; progress: DownloadProgress }
  | { type: "downloaded" }
  | { type: "install" }
  | { type: "failed"; error: unknown };

export const IDLE: UpdateState = { kind: "idle" };

/** An operation is under way: no button starts another one. */
export function isBusy(state: UpdateState): boolean {
  return state.kind === "checking" || state.kind === "downloading" || state.kind === "installing";
}

/** The update offered in `state`, if any (for the top bar's badge, the section's heading). */
export function offerOf(state: UpdateState): UpdateOffer | null {
  return "offer" in state ? state.offer : null;
}

/** The top bar says an update awaits the user (offered, on its way, or ready to install). */
export function awaitsUser(state: UpdateState): boolean {
  return state.kind === "available" || state.kind === "downloading" || state.kind === "ready";
}

/** The package may be downloaded: an update is offered and not already on its way. */
export function canDownload(state: UpdateState): boolean {
  return state.kind === "available" || (state.kind === "error" && state.offer !== null && !state.signature);
}

/**
 * The next state after `event`, or `state` itself (the same object) when the event does not
 * apply: a second click while a check, a download or an install runs starts nothing.
 */
export function transition(state: UpdateState, event: UpdateEvent): UpdateState {
  switch (event.type) {
    case "check":
      return isBusy(state) ? state : { kind: "checking" };
    case "checked":
      if (state.kind !== "checking") return state;
      return event.offer ? { kind: "available", offer: event.offer } : { kind: "current", version: event.installed };
    case "download":
      if (!canDownload(state)) return state;
      return { kind: "downloading", offer: offerOf(state)!, progress: { received: 0, total: null } };
    case "progress":
      return state.kind === "downloading" ? { ...state, progress: event.progress } : state;
    case "downloaded":
      return state.kind === "downloading" ? { kind: "ready", offer: state.offer } : state;
    case "install":
      return state.kind === "ready" ? { kind: "installing", offer: state.offer } : state;
    case "failed":
      if (!isBusy(state)) return state;
      return {
        kind: "error",
        message: errorSentence(event.error),
        signature: isSignatureRefusal(event.error),
        // A refused check offers nothing; a refused download or install keeps what was offered.
        offer: state.kind === "checking" ? null : offerOf(state),
      };
  }
}

/**
 * The core refused the package because its signature does not verify (its message says so:
 * "la signature de la mise à jour ne correspond pas à la clé de Reclam…").
 */
export function isSignatureRefusal(error: unknown): boolean {
  const message = (error as Partial<AppError> | null)?.message;
  return typeof message === "string" && /signature/i.test(message);
}

/** Whether to look for a new version at start, from the setting's stored value (absent: yes). */
export function shouldCheckAtStart(value: string | undefined): boolean {
  return (value ?? "").trim().toLowerCase() !== "false";
}

/** The share received, 0 to 100 (whole), or null when the server did not give the size. */
export function progressPercent(p: DownloadProgress): number | null {
  if (p.total === null || !Number.isFinite(p.total) || p.total <= 0) return null;
  const pct = Math.floor((Math.max(0, p.received) / p.total) * 100);
  return Math.min(100, pct);
}

/**
 * What the download has received, in French: "42 % (1,5 Mo sur 3,6 Mo)" when the size is
 * known, else "1,5 Mo reçus".
 */
export function progressText(p: DownloadProgress): string {
  const pct = progressPercent(p);
  const received = formatFileSize(Math.max(0, p.received));
  if (pct === null) return `${received} reçus`;
  return `${pct}${NNBSP}% (${received} sur ${formatFileSize(p.total!)})`;
}

/** The offer's heading: "Version 1.4.0 disponible". */
export function offerTitle(offer: UpdateOffer): string {
  return `Version ${offer.version} disponible`;
}

/** The offer's publication date ("04/12/2026"), or null when the manifest gives none. */
export function offerDate(offer: UpdateOffer): string | null {
  const date = offer.date?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2}/.test(date)) return null;
  return formatDate(date);
}

/** The notes as published, or null when there are none worth showing. */
export function offerNotes(offer: UpdateOffer): string | null {
  const notes = offer.notes?.trim() ?? "";
  return notes === "" ? null : notes;
}

/** The toast of the start-up check. */
export function announcement(offer: UpdateOffer): string {
  return `Version ${offer.version} de Reclam disponible`;
}

/** "Reclam est à jour (version 1.3.0)." */
export function currentText(version: string): string {
  return version.trim() === "" ? "Reclam est à jour." : `Reclam est à jour (version ${version.trim()}).`;
}
