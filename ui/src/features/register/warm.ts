// The register's first showing, made out of sight while "Aujourd'hui" is read (see
// ../../lib/warm): the user's first visit to the register is then as quick as the next ones.
import { warmUp } from "../../lib/warm";
import { unlessMovedMeanwhile } from "../session/preload";
import { session } from "../session/session.svelte";
import { loadRegister } from "./load";
import Register from "./Register.svelte";

let warmed = false;

/**
 * Once per run: the register's first page as the filters kept ask it, built out of sight,
 * unless the user went there first (their showing comes first).
 */
export async function warmRegister(): Promise<void> {
  if (warmed || session.screen.name === "register") return;
  warmed = true;
  try {
    await unlessMovedMeanwhile(loadRegister, (given) => warmUp(Register, { given }));
  } catch {
    // Nothing is lost: the first visit is a cold one.
  }
}
