// The update of this run of the app, shared by the start-up check (App.svelte), the settings
// section "Mises à jour" and the top bar's badge: an update found at start shows in the
// section without a second check, and a download goes on when the user leaves the settings.
// The steps and their guards are in `updates.ts`; this only drives the core's commands.
import { checkUpdate, downloadUpdate, getSettings, installUpdate, type UpdateOffer } from "../../lib/backend";
import { session } from "../session/session.svelte";
import {
  AUTOMATIC_KEY,
  IDLE,
  progressText,
  shouldCheckAtStart,
  transition,
  type UpdateEvent,
  type UpdateState,
} from "./updates";

class Updates {
  /** Replaced whole at each step (never changed in place): `transition` compares identities. */
  state = $state.raw<UpdateState>(IDLE);
  /** Found by the start-up check and not announced yet: the app's toast says it when it can. */
  announce = $state.raw<UpdateOffer | null>(null);
  /** The toast that announced it, closed once the user has the section in front of them. */
  toastId: number | null = null;
}

export const updates = new Updates();

/** Take the step `event`; false when it does not apply (an operation already runs). */
function step(event: UpdateEvent): boolean {
  const next = transition(updates.state, event);
  if (next === updates.state) return false;
  updates.state = next;
  return true;
}

const installedVersion = () => session.info?.version ?? "";

/** Look for a newer version (the section's button); a refusal shows in the section. */
export async function checkNow(): Promise<void> {
  if (!step({ type: "check" })) return;
  try {
    step({ type: "checked", offer: await checkUpdate(), installed: installedVersion() });
  } catch (e) {
    step({ type: "failed", error: e });
  }
}

let startChecked = false;

/**
 * The check at start, once per run of the app, unless the firm turned it off: silent when it
 * fails (a firm without Internet is normal); an update found waits in `announce`.
 */
export async function checkAtStart(): Promise<void> {
  if (startChecked) return;
  startChecked = true;
  let automatic: string | undefined;
  try {
    automatic = (await getSettings()).entries.find((e) => e.key === AUTOMATIC_KEY)?.value;
  } catch {
    // The firm's choice is unknown: nothing is asked of the network.
    return;
  }
  if (!shouldCheckAtStart(automatic) || !step({ type: "check" })) return;
  try {
    const offer = await checkUpdate();
    step({ type: "checked", offer, installed: installedVersion() });
    if (offer) updates.announce = offer;
  } catch {
    // Nothing to say: back to where the section starts.
    if (updates.state.kind === "checking") updates.state = IDLE;
  }
}

/** Download the offered update and have its signature verified; progress shows as it comes. */
export async function downloadOffered(): Promise<void> {
  if (!step({ type: "download" })) return;
  try {
    await downloadUpdate((progress) => {
      const s = updates.state;
      // One step per change the user can see, not per chunk received.
      if (s.kind === "downloading" && progressText(s.progress) === progressText(progress)) return;
      step({ type: "progress", progress });
    });
    step({ type: "downloaded" });
  } catch (e) {
    step({ type: "failed", error: e });
  }
}

/** Back up the register, install the verified update and restart (the core does all three). */
export async function installDownloaded(): Promise<void> {
  if (!step({ type: "install" })) return;
  try {
    await installUpdate();
  } catch (e) {
    step({ type: "failed", error: e });
  }
}
