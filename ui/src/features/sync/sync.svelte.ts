// The firm's shared register, as the app knows it: whether this desk joined a server and is
// signed in to it, the last sync status, and the polling that keeps it fresh. Screens that
// show the register's data read `sync.generation` to load again once changes came in.
import {
  onChange,
  serverConfig,
  syncNow,
  syncStatus,
  toAppError,
  type ServerConfig,
  type SyncStatus,
} from "../../lib/backend";
import { session } from "../session/session.svelte";
import { POLL_MS, pollAction, pulledChanges } from "./sync";

const NOT_JOINED: ServerConfig = { url: null, login: null, open: false };

class SyncState {
  /** What the shell said of the server (null until asked, at start). */
  config = $state<ServerConfig | null>(null);
  /** The last status the shell gave (null: not known yet, or not joined). */
  status = $state<SyncStatus | null>(null);
  /** A sync is under way. */
  syncing = $state(false);
  /** Why the last sync failed, other than being offline (the status says that). */
  error = $state<string | null>(null);
  /** When the last sync succeeded (this session). */
  lastSync = $state<Date | null>(null);
  /** Bumped when a sync brought changes of others: screens load their data again. */
  generation = $state(0);
  /** The conflicts list is to be scrolled into view once shown (the badge was clicked). */
  conflictsRequested = $state(false);

  /** This desk joined a firm's server. */
  get shared(): boolean {
    return !!this.config?.url;
  }

  /** ...and someone is signed in to it: the open register is the firm's. */
  get open(): boolean {
    return this.shared && !!this.config?.open;
  }
}

export const sync = new SyncState();

let lastAttempt = 0;

/** Ask the shell whether this desk joined a server (a shell without it: not joined). */
export async function refreshConfig(): Promise<ServerConfig> {
  let config: ServerConfig;
  try {
    config = await serverConfig();
  } catch {
    config = NOT_JOINED;
  }
  sync.config = config;
  if (!config.url) {
    sync.status = null;
    sync.error = null;
    sync.lastSync = null;
  }
  return config;
}

/** Take a status the shell gave (sign-in, sync, test aside); changes pulled refresh the screens. */
export function applyStatus(status: SyncStatus): void {
  if (pulledChanges(sync.status, status)) sync.generation += 1;
  sync.status = status;
}

/** The status without the network. */
export async function refreshStatus(): Promise<void> {
  if (!sync.open) return;
  try {
    applyStatus(await syncStatus());
  } catch {
    // Asked again at the next tick.
  }
}

/** Send this desk's changes and receive the others' now. */
export async function runSyncNow(): Promise<void> {
  if (!sync.open || sync.syncing) return;
  sync.syncing = true;
  lastAttempt = Date.now();
  try {
    applyStatus(await syncNow());
    sync.lastSync = new Date();
    sync.error = null;
  } catch (e) {
    const err = toAppError(e);
    // Offline is what the status says; anything else is worth a line in the panel.
    sync.error = err.code === "offline" ? null : err.message;
    await refreshStatus();
  } finally {
    sync.syncing = false;
  }
}

/** Show the conflicts to review ("Aujourd'hui" lists them). */
export function showConflicts(): void {
  if (session.screen.name === "today") {
    const el = document.getElementById("conflicts");
    if (el) {
      el.scrollIntoView({ block: "start" });
      return;
    }
  }
  sync.conflictsRequested = true;
  session.navigate({ name: "today" });
}

/**
 * Keep the status fresh while the firm's register is open and unlocked: every 30 s a sync
 * (online, window visible) or the status, and offline a sync attempt every minute; the status
 * again shortly after any change made here. Returns the function that stops.
 */
export function watchSync(doc: Document = document): () => void {
  let changeTimer: ReturnType<typeof setTimeout> | undefined;

  const tick = () => {
    if (pollAction(sync.status, !doc.hidden, Date.now() - lastAttempt) === "syncNow") void runSyncNow();
    else void refreshStatus();
  };
  const timer = setInterval(tick, POLL_MS);

  // Back to the window after a while: no need to wait for the next tick.
  const onVisibility = () => {
    if (!doc.hidden && sync.status?.online && Date.now() - lastAttempt >= POLL_MS) void runSyncNow();
  };
  doc.addEventListener("visibilitychange", onVisibility);

  const stopListening = onChange(() => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => void refreshStatus(), 500);
  });

  void refreshStatus();

  return () => {
    clearInterval(timer);
    clearTimeout(changeTimer);
    doc.removeEventListener("visibilitychange", onVisibility);
    stopListening();
  };
}
