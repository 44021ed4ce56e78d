// Session-wide UI state: which register is open, who is working (and whether the app is
// locked), which screen is shown, the toast, and drafts that must survive navigating away.
import type { AppInfo, Maintenance, RegisterSort, SessionState, Status, Subject, User } from "../../lib/backend";
import type { CorrectiveActionFilter } from "../corrective-actions/corrective-actions";
import type { CorrectiveActionForm } from "../corrective-actions/form";
import type { ComplaintForm } from "../complaint/form";
import type { WorkList } from "../register/work-list";
import { navigated } from "./preload";

export type Screen =
  | { name: "today" }
  | { name: "register" }
  /** The requests for information ("Demandes"): not complaints, followed apart. */
  | { name: "requests" }
  | { name: "correctiveActions" }
  | { name: "stats" }
  | { name: "new" }
  | { name: "settings" }
  | { name: "import" }
  /** The user's guide ("Aide", F1). */
  | { name: "help" }
  | { name: "file"; reference: string };

export type ToastTone = "success" | "info" | "error";

/** A button in the toast ("Annuler" after an act that can be undone); clicking it closes the toast. */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
  action?: ToastAction;
}

export interface RegisterFilters {
  searchInput: string;
  status: Status | "";
  subject: Subject | "";
  handlerInput: string;
  receivedFrom: string;
  receivedTo: string;
  overdueOnly: boolean;
  /** A work list of "Aujourd'hui" shown in the register ("Voir dans le registre"). */
  workList: WorkList | null;
  sort: RegisterSort;
  page: number;
}

export const USER_STORAGE_KEY = "reclam.user";

export function defaultRegisterFilters(): RegisterFilters {
  return {
    searchInput: "",
    status: "",
    subject: "",
    handlerInput: "",
    receivedFrom: "",
    receivedTo: "",
    overdueOnly: false,
    workList: null,
    sort: "receivedDesc",
    page: 0,
  };
}

class Session {
  info = $state<AppInfo | null>(null);
  /** Name of the person at the keyboard: the `actor` of every command. */
  user = $state<string | null>(null);
  users = $state<User[]>([]);
  /** What the core last said of who may act: sign-in required, idle lock, who may sign in. */
  access = $state<SessionState | null>(null);
  /**
   * The sign-in screen covers the app (locked by hand, or after the idle time). The screens
   * stay mounted underneath, so that nothing typed is lost.
   */
  locked = $state(false);
  screen = $state<Screen>({ name: "today" });
  previous = $state<Screen | null>(null);
  toast = $state<Toast | null>(null);
  registerFilters = $state<RegisterFilters>(defaultRegisterFilters());
  /** Complaint being typed on "Nouvelle réclamation" (kept when the user navigates away). */
  draft = $state<ComplaintForm | null>(null);
  /** Corrective action being typed (kept when the user opens a complaint and comes back). */
  correctiveActionDraft = $state<CorrectiveActionForm | null>(null);
  /**
   * The drafts of the people who handed over the computer (locked, then someone else signed
   * in), by name: each finds their own half-typed forms again, nobody saves another's.
   */
  stashedDrafts = new Map<string, { draft: ComplaintForm | null; action: CorrectiveActionForm | null }>();
  /** The filter of the corrective actions table. */
  correctiveActionFilter = $state<CorrectiveActionFilter>("all");
  /** Bumped to ask the register screen to focus its search box. */
  searchFocusRequest = $state(0);
  /** What the start-up maintenance (integrity check, daily backup) found, once it is done. */
  maintenance = $state<Maintenance | null>(null);
  /** A backup replaced the register since the start: a damage found then is no longer current. */
  restoredFromBackup = $state(false);
  /** The section the settings screen scrolls to once loaded (the id of its panel). */
  settingsSection = $state<string | null>(null);

  /** Hand the drafts over from the current user to `next` (kept for when they come back). */
  switchDrafts(next: string) {
    const key = (n: string) => n.trim().toLowerCase();
    if (this.user && key(this.user) === key(next)) return;
    if (this.user && (this.draft || this.correctiveActionDraft)) {
      this.stashedDrafts.set(key(this.user), { draft: this.draft, action: this.correctiveActionDraft });
    }
    const theirs = this.stashedDrafts.get(key(next));
    this.stashedDrafts.delete(key(next));
    this.draft = theirs?.draft ?? null;
    this.correctiveActionDraft = theirs?.action ?? null;
  }

  get today(): string {
    return this.info?.today ?? "";
  }

  /** The actor name passed to commands (never empty once the app is shown). */
  get actor(): string {
    return this.user ?? "";
  }

  /** Everyone signs in with a secret (some user has one). */
  get signInRequired(): boolean {
    return this.access?.signInRequired ?? false;
  }

  /** The user at the keyboard, as listed in `users` (null until the list is loaded). */
  get currentUser(): User | null {
    const me = (this.user ?? "").trim().toLowerCase();
    return this.users.find((u) => u.name.trim().toLowerCase() === me) ?? null;
  }

  /**
   * The user at the keyboard may manage the firm's people: an active manager, or anyone while
   * the firm has no user. The core decides; this only spares others buttons it would refuse.
   */
  get isManager(): boolean {
    if (this.users.length === 0) return true;
    const me = this.currentUser;
    return me !== null && me.active && me.role === "manager";
  }

  /** The register open and who acts, as a key: the screens are built again when it changes. */
  scopeFor(user: string | null): string {
    const register = this.info ? `${this.info.isDemo}|${this.info.dbPath}` : "";
    return `${register}|${(user ?? "").trim().toLowerCase()}`;
  }

  get scope(): string {
    return this.scopeFor(this.user);
  }

  navigate(screen: Screen): void {
    navigated();
    if (screen.name !== this.screen.name || screen.name === "file") this.previous = this.screen;
    this.screen = screen;
  }

  /** Show the settings at one of their sections (`id` of its panel, e.g. "backups"). */
  openSettings(section: string): void {
    if (this.screen.name === "settings") {
      document.getElementById(section)?.scrollIntoView({ block: "start" });
      return;
    }
    this.settingsSection = section;
    this.navigate({ name: "settings" });
  }
}

export const session = new Session();

let toastSeq = 0;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** Show a message in the corner; returns its id (to take it back with `dismissToast`). */
export function showToast(text: string, tone: ToastTone = "success", ms?: number, action?: ToastAction): number {
  clearTimeout(toastTimer);
  const id = ++toastSeq;
  session.toast = action ? { id, text, tone, action } : { id, text, tone };
  toastTimer = setTimeout(() => (session.toast = null), ms ?? (tone === "error" ? 8000 : 4500));
  return id;
}

/** Close the toast: any one, or only the one `id` (if it is still shown). */
export function dismissToast(id?: number): void {
  if (id !== undefined && session.toast?.id !== id) return;
  clearTimeout(toastTimer);
  session.toast = null;
}

export function rememberUser(name: string): void {
  try {
    localStorage.setItem(USER_STORAGE_KEY, name);
  } catch {
    // Private mode or storage disabled: the choice is simply not remembered.
  }
}

export function rememberedUser(): string | null {
  try {
    return localStorage.getItem(USER_STORAGE_KEY);
  } catch {
    return null;
  }
}
