// Going to a screen whose first view comes from the backend: its data first, then the screen,
// built once with it (see ./preload): "Aujourd'hui", the register, a complaint file and the
// statistics. The sidebar, the sign-in, opening a complaint file, a file's "Retour" and "Voir
// dans le registre" go this way.
import { painted } from "../../lib/perf";
import { loadFile } from "../complaint/load";
import { loadRegister } from "../register/load";
import { loadStats } from "../stats/load";
import { sync } from "../sync/sync.svelte";
import { loadToday } from "../today/load";
import { preload } from "./preload";
import { session, type Screen } from "./session.svelte";

/**
 * What data asked before a screen is shown belongs to: the register open, the person acting
 * (`user`, by default the one at the keyboard) and the shared register's changes seen.
 */
export function loadStamp(user: string | null = session.user): string {
  return `${session.scopeFor(user)}|${sync.generation}`;
}

/** How the data of `screen` is asked before it is shown, with its paint's label (none: shown at once). */
function loaderFor(screen: Screen): { label: string; load: () => Promise<unknown> } | undefined {
  switch (screen.name) {
    case "today":
      return { label: "today", load: () => loadToday(session.actor) };
    case "register":
      return { label: "register", load: loadRegister };
    case "stats":
      return { label: "stats", load: loadStats };
    case "file": {
      const actor = session.actor;
      return { label: "file", load: () => loadFile(screen.reference, actor) };
    }
    default:
      return undefined;
  }
}

/** Show `screen` once its data is in (or without it after a moment); `true`: shown. */
export async function showLoaded(screen: Screen): Promise<boolean> {
  const loader = loaderFor(screen);
  const outcome = await preload(screen.name, loader?.load, loadStamp());
  if (outcome === "superseded") return false;
  session.navigate(screen);
  if (outcome === "loaded" && loader) painted(loader.label);
  return true;
}

/** Open the complaint file `reference`, with its data. */
export function openFile(reference: string): void {
  void showLoaded({ name: "file", reference });
}
