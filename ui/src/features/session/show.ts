// Going to a screen whose first view comes from the backend: its data first, then the screen,
// built once with it (see ./preload). The sidebar, the sign-in, a file's "Retour" and
// "Voir dans le registre" go this way.
import { painted } from "../../lib/perf";
import { loadRegister } from "../register/load";
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

/** The screens whose data is asked before they are shown, with their paint's label. */
const loaders: Partial<Record<Screen["name"], { label: string; load: () => Promise<unknown> }>> = {
  today: { label: "today", load: () => loadToday(session.actor) },
  register: { label: "register", load: loadRegister },
};

/** Show `screen` once its data is in (or without it after a moment); `true`: shown. */
export async function showLoaded(screen: Screen): Promise<boolean> {
  const loader = loaders[screen.name];
  const outcome = await preload(screen.name, loader?.load, loadStamp());
  if (outcome === "superseded") return false;
  session.navigate(screen);
  if (outcome === "loaded" && loader) painted(loader.label);
  return true;
}
