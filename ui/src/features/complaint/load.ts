// What a complaint file shows first, asked before the file is shown (see ../session/preload):
// the file and, for the person acting, the letters' choices (the letters panel shows them in
// the file's first frame).
import { getComplaint, letterChoices, type ComplaintView, type LetterChoices } from "../../lib/backend";

export interface FileLoaded {
  reference: string;
  view: ComplaintView;
  /** Asked for this person; null: the letters panel asks again itself and shows any failure. */
  actor: string;
  choices: LetterChoices | null;
}

export function loadFile(reference: string, actor: string): Promise<FileLoaded> {
  // A failure of the choices is the letters panel's to show: it asks again itself.
  const letters = letterChoices(reference, actor).catch(() => null);
  return getComplaint(reference).then(async (view) => ({ reference, view, actor, choices: await letters }));
}
