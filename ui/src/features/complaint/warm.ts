// A complaint file's first showing, made out of sight once the register is shown (see
// ../../lib/warm): the first file the user opens is then as quick as the next ones. The file
// built is the register's first row; reading it changes nothing (a file read is not journaled).
import { warmUp } from "../../lib/warm";
import { unlessMovedMeanwhile } from "../session/preload";
import { session } from "../session/session.svelte";
import ComplaintFile from "./ComplaintFile.svelte";
import { loadFile } from "./load";

let warmed = false;

/** Once per run: the file of `reference`, built out of sight, unless the user opened a file first. */
export async function warmFile(reference: string): Promise<void> {
  if (warmed || session.screen.name === "file") return;
  warmed = true;
  try {
    await unlessMovedMeanwhile(
      () => loadFile(reference, session.actor),
      (given) => warmUp(ComplaintFile, { reference, given }),
    );
  } catch {
    // Nothing is lost: the first file opened is built cold.
  }
}
