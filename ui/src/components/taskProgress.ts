// What the progress block of a long operation says (an extract, the inspection pack, a backup,
// the verification of the register, the anonymisation): its stage, the share done, the cancel
// button, and what was not done once cancelled. Pure string work: unit-tested in Node.
import type { TaskKind, TaskProgress } from "../lib/backend";
import { formatPercent } from "../lib/format";

/** What the block says before the operation has named its first stage. */
export const STARTING_TEXT = "Démarrage…";

/**
 * The share done of the current stage, from 0 to 100 in tenths, or null while the stage does
 * not know its size yet (total 0: the bar is indeterminate). Rounded down: "100,0 %" only
 * once everything is done.
 */
export function progressShare(p: TaskProgress | null): number | null {
  if (!p || !Number.isFinite(p.total) || p.total <= 0 || !Number.isFinite(p.done)) return null;
  const tenths = Math.floor((Math.max(0, p.done) * 1000) / p.total);
  return Math.min(1000, tenths) / 10;
}

/** "42,0 %" (the app's share format), or "" while the stage's size is unknown. */
export function shareText(p: TaskProgress | null): string {
  const share = progressShare(p);
  return share === null ? "" : formatPercent(share);
}

/** The stage under way ("Copie du registre"), or `fallback` before the first one is known. */
export function stageText(p: TaskProgress | null, fallback: string = STARTING_TEXT): string {
  const stage = p?.stage.trim() ?? "";
  return stage === "" ? fallback : stage;
}

/** The cancel button: "Annulation…" from the click until the operation has stopped. */
export function cancelLabel(cancelling: boolean): string {
  return cancelling ? "Annulation…" : "Annuler";
}

/** What the user is told once an operation stopped at their request: what was not done. */
export const CANCELLED_TEXT: Readonly<Record<TaskKind, string>> = {
  extract: "Extrait annulé\u00A0: aucun fichier n'a été écrit.",
  pack: "Dossier d'inspection annulé\u00A0: aucun fichier n'a été écrit.",
  backup: "Sauvegarde annulée\u00A0: aucun fichier n'a été écrit.",
  verify: "Vérification annulée.",
  anonymise: "Anonymisation annulée\u00A0: aucune réclamation n'a été modifiée.",
};
