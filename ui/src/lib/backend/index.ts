// The ONLY module allowed to talk to Tauri. UI code imports from here.
// One typed wrapper per backend command; argument keys are exactly the camelCase
// names the commands expect.
import { invoke, isTauri } from "@tauri-apps/api/core";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import { toAppError } from "./errors";
import { changed } from "./changes";
import { sharingReads } from "./shared";
import { exposePerf, nextMoment, recordCall } from "../perf";
import type {
  ActionEdit,
  CertificateInfo,
  EmailIntake,
  PlatformCase,
  ClientComplaintSummary,
  InfoRequest,
  RequestPage,
  RequestQuery,
  SentVia,
  Step,
  AdoptReport,
  AnswerMoneyReq,
  AuthorityCheck,
  EscalationDecision,
  NewEscalation,
  NewProposal,
  NewRefundPayment,
  PendingApproval,
  RefundDue,
  SessionState,
  UserEdit,
  BackupStatus,
  CommandTiming,
  TaskProgress,
  RestorePreview,
  RestoreReport,
  VerifyReport,
  ActionStatus,
  AnonymisationReport,
  Candidate,
  ClientExportSummary,
  AppError,
  AppInfo,
  Complaint,
  Composed,
  ComplaintView,
  CorrectiveAction,
  Deadlines,
  DysfunctionCategory,
  DysfunctionEntry,
  ExtractQuery,
  Feedback,
  ImportField,
  ImportReport,
  LetterChoices,
  LetterRequest,
  NewCorrectiveAction,
  NewComplaint,
  NewDisputeStep,
  NewExchange,
  NewRequest,
  NewUser,
  Outcome,
  RegisterPage,
  RegisterQuery,
  ServerConfig,
  Settings,
  Stats,
  SyncConflict,
  SyncStatus,
  TemplateEntry,
  TodaySummary,
  User,
} from "./types";

export type * from "./types";
export { isAppError, isCancelled, toAppError } from "./errors";
export { onChange } from "./changes";

const NO_BACKEND: AppError = {
  code: "noBackend",
  message: "Le moteur de l'application est indisponible : lancez Reclam via l'application de bureau.",
};

/** Invoke a backend command; any rejection is rethrown as an AppError. */
async function send<T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> {
  if (!isTauri()) throw NO_BACKEND;
  let result: T;
  const start = performance.now();
  const sent = nextMoment();
  try {
    result = await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  } finally {
    recordCall({ cmd, start, end: performance.now(), sent, answered: nextMoment() });
  }
  changed(cmd, args);
  return result;
}

/** A command sent, or an identical read still under way shared (see ./shared). */
const call = sharingReads(send);

// The benchmark's probe: the page's timings, and the shell's (the core's part of each command).
if (isTauri()) exposePerf(() => invoke<CommandTiming[]>("perf_log"));

// ---- Long operations ---------------------------------------------------------------------

/** The long operations that show their progress and may be cancelled. */
export type TaskKind = "extract" | "pack" | "backup" | "verify" | "anonymise";

/** A channel the backend reports a long operation's progress on (null outside the app). */
async function progressChannel(progress?: (p: TaskProgress) => void): Promise<unknown> {
  if (!isTauri()) return null;
  const { Channel } = await import("@tauri-apps/api/core");
  const channel = new Channel<TaskProgress>();
  channel.onmessage = (p) => progress?.(p);
  return channel;
}

/**
 * Stop the long operation of this kind under way: it ends with the error code "cancelled"
 * and leaves nothing half-done (no partial file, nothing changed in the register).
 */
export function cancelTask(task: TaskKind): Promise<null> {
  return call<null>("cancel_task", { task });
}

// ---- Application ---------------------------------------------------------

/** Which register is open, today's date by the backend clock, open errors. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>("app_info");
}

/** Switch to the separate demonstration register (fictitious data). */
export function openDemo(): Promise<AppInfo> {
  return call<AppInfo>("open_demo");
}

/** Switch back to the firm's real register. */
export function openDefault(): Promise<AppInfo> {
  return call<AppInfo>("open_default");
}

// ---- The firm's shared register (PostgreSQL server, this desk's copy as a cache) ----------

/** Whether this desk joined a firm's server, and whether someone is signed in to it. */
export function serverConfig(): Promise<ServerConfig> {
  return call<ServerConfig>("server_config");
}

/** Try the connection without joining (the login is in `url`: postgres://LOGIN@HOST:PORT/DB). */
export function testServer(url: string, password: string): Promise<SyncStatus> {
  return call<SyncStatus>("test_server", { url, password });
}

/** Join the firm's register: from then on the open register is the firm's, as that member. */
export function joinServer(url: string, password: string): Promise<AppInfo> {
  return call<AppInfo>("join_server", { url, password });
}

/**
 * Move this desk's own register to the firm's new server (as one of its managers), then join
 * it: the firm's register starts with this one, its journal included.
 */
export function moveToServer(url: string, password: string): Promise<AdoptReport> {
  return call<AdoptReport>("move_to_server", { url, password });
}

/** Sign in to the firm's register as this desk's login (offline too, if used here online before). */
export function serverSignIn(password: string): Promise<SyncStatus> {
  return call<SyncStatus>("server_sign_in", { password });
}

/** Back to this desk's own local register (the firm's copy stays on disk). */
export function leaveServer(): Promise<AppInfo> {
  return call<AppInfo>("leave_server");
}

/** Where this desk stands with the firm's journal (no network). */
export function syncStatus(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_status");
}

/** Send this desk's changes and receive the others' now. */
export function syncNow(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_now");
}

/** The conflicts to review (`all`: the reviewed ones too). */
export function listConflicts(all: boolean): Promise<SyncConflict[]> {
  return call<SyncConflict[]>("list_conflicts", { all });
}

/** Mark a conflict as reviewed (supervisor or manager); resolves to the open ones left. */
export function resolveConflict(seq: number, note: string): Promise<SyncConflict[]> {
  return call<SyncConflict[]>("resolve_conflict", { seq, note });
}

// ---- Register ------------------------------------------------------------

/** One page of the complaints register. */
export function listComplaints(query: RegisterQuery): Promise<RegisterPage> {
  return call<RegisterPage>("list_complaints", { query });
}

/** Headline counts and work lists for the "Aujourd'hui" screen. */
export function todaySummary(): Promise<TodaySummary> {
  return call<TodaySummary>("today_summary");
}

// ---- Complaint -----------------------------------------------------------

/** The full complaint file, with the actions the backend allows now. */
export function getComplaint(reference: string): Promise<ComplaintView> {
  return call<ComplaintView>("get_complaint", { reference });
}

/** Deadlines the backend would compute for these dates (live preview in the form). */
export function previewDeadlines(sentOn: string | null, receivedOn: string): Promise<Deadlines> {
  return call<Deadlines>("preview_deadlines", { sentOn, receivedOn });
}

export function recordComplaint(input: NewComplaint, actor: string): Promise<Complaint> {
  return call<Complaint>("record_complaint", { input, actor });
}

/** Record a mere request (not a complaint: not entered in the register). Returns its id. */
export function recordRequest(input: NewRequest, actor: string): Promise<number> {
  return call<number>("record_request", { input, actor });
}

/** The complaints still open for this client (by name or contract number), shown at intake. */
export function openForClient(name: string, contract: string | null): Promise<ClientComplaintSummary[]> {
  return call<ClientComplaintSummary[]>("open_for_client", { name, contract });
}

export function updateComplaint(reference: string, input: NewComplaint, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("update_complaint", { reference, input, actor });
}

/**
 * Record the acknowledgement sent otherwise than as the register's letter (issuing that letter
 * records the step itself): `via` is email, otherLetter or oral, `copy` the SHA-256 of the
 * attachment holding what was sent (required for those three; fields "via", "copy").
 */
export function acknowledge(
  reference: string,
  on: string,
  via: SentVia | null,
  copy: string | null,
  actor: string,
): Promise<ComplaintView> {
  return call<ComplaintView>("acknowledge", { reference, on, via, copy, actor });
}

export function hold(reference: string, on: string, note: string, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("hold", { reference, on, note, actor });
}

/**
 * Record the answer with the money it decides (gesture, refund, internal document). The core
 * refuses a gesture or refund beyond the actor's authority until an accepted request covers
 * it (fields gesture / refund / gestureReason / documentId name what is missing).
 */
export function answer(
  reference: string,
  on: string,
  outcome: Outcome,
  summary: string,
  money: AnswerMoneyReq,
  sent: { via: SentVia | null; copy: string | null },
  actor: string,
): Promise<ComplaintView> {
  return call<ComplaintView>("answer", {
    reference,
    input: { on, outcome, summary, ...money, via: sent.via, copy: sent.copy },
    actor,
  });
}

/** State how a step already recorded (acknowledgement or answer) reached the client. */
export function stateSent(
  reference: string,
  step: Step,
  via: SentVia,
  copy: string | null,
  actor: string,
): Promise<ComplaintView> {
  return call<ComplaintView>("state_sent", { reference, step, via, copy, actor });
}

/** An oral complaint's written confirmation received (`copy`: the attachment's SHA-256). */
export function confirmComplaint(reference: string, on: string, copy: string | null, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("confirm", { reference, on, copy, actor });
}

/** What the complaints platform says of a complaint received through it (journaled before/after). */
export function setPlatform(reference: string, input: PlatformCase, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("set_platform", { reference, input, actor });
}

/** The client withdraws the complaint: it stays in the register, its deadlines stop. */
export function withdrawComplaint(reference: string, on: string, reason: string, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("withdraw", { reference, on, reason, actor });
}

/** Recorded by mistake: the complaint becomes a request for information (kept in the register as requalified). */
export function requalifyComplaint(reference: string, on: string, reason: string, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("requalify", { reference, on, reason, actor });
}

// ---- Requests for information ("Demandes") ------------------------------

export function listRequests(query: RequestQuery, actor: string): Promise<RequestPage> {
  return call<RequestPage>("list_requests", { query, actor });
}

/** Close a request with what was answered or done. */
export function closeRequest(id: number, on: string, note: string, actor: string): Promise<InfoRequest> {
  return call<InfoRequest>("close_request", { id, on, note, actor });
}

/** A request that was a complaint after all: recorded as one with the request's reception date. */
export function requestToComplaint(id: number, reason: string, input: NewComplaint, actor: string): Promise<Complaint> {
  return call<Complaint>("request_to_complaint", { id, reason, input, actor });
}

/** What the answer's money needs from `actor` (reason, approval, document), as they type. */
export function authorityCheck(reference: string, money: AnswerMoneyReq, actor: string): Promise<AuthorityCheck> {
  return call<AuthorityCheck>("authority_check", { reference, input: money, actor });
}

/**
 * Close the file. A total or partial rejection without an answer letter issued from the
 * register needs `recourse`: how the recourse routes reached the client (the core refuses it
 * otherwise, field "recourse").
 */
export function close(
  reference: string,
  on: string,
  feedback: Feedback,
  actor: string,
  satisfaction: number | null = null,
  recourse: string | null = null,
): Promise<ComplaintView> {
  return call<ComplaintView>("close", { reference, on, feedback, satisfaction, recourse, actor });
}

// ---- Approvals, proposals, refunds ---------------------------------------

/** Ask a supervisor or the manager to approve a gesture or refund beyond `actor`'s authority. */
export function requestApproval(reference: string, input: NewEscalation, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("request_approval", { reference, input, actor });
}

/** Accept (possibly for a lower amount) or refuse a request, as `actor`. */
export function decideApproval(id: number, input: EscalationDecision, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("decide_approval", { id, input, actor });
}

/** The requests waiting for a decision that concern `actor` (theirs to decide, or their own). */
export function pendingApprovals(actor: string): Promise<PendingApproval[]> {
  return call<PendingApproval[]>("pending_approvals", { actor });
}

/** Refunds decided and not yet paid (due 14 days after the answer). */
export function refundsDue(): Promise<RefundDue[]> {
  return call<RefundDue[]>("refunds_due");
}

export function addProposal(reference: string, input: NewProposal, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("add_proposal", { reference, input, actor });
}

export function respondProposal(
  reference: string,
  id: number,
  accepted: boolean,
  on: string,
  actor: string,
): Promise<ComplaintView> {
  return call<ComplaintView>("respond_proposal", { reference, id, accepted, on, actor });
}

export function recordRefundPayment(reference: string, input: NewRefundPayment, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("record_refund_payment", { reference, input, actor });
}

// ---- Session -------------------------------------------------------------

/** Who may act now: no users yet, sign-in required, who is signed in, the idle lock. */
export function sessionState(): Promise<SessionState> {
  return call<SessionState>("session_state");
}

/** Sign in (refused with code "signIn": wrong secret, delay after five failures...). */
export function signIn(name: string, secret: string): Promise<SessionState> {
  return call<SessionState>("sign_in", { name, secret });
}

/** On a register without credentials: choose who acts (anyone at this computer may). */
export function chooseUser(name: string): Promise<SessionState> {
  return call<SessionState>("choose_user", { name });
}

/** Lock the app: nobody acts until someone signs in. */
export function lock(): Promise<SessionState> {
  return call<SessionState>("lock");
}

/** The first user of a register with no user: the manager, signed in. */
export function createFirstUser(name: string, secret: string): Promise<SessionState> {
  return call<SessionState>("create_first_user", { name, secret });
}

export function addDysfunction(
  reference: string,
  category: DysfunctionCategory,
  description: string,
  on: string,
  actor: string,
): Promise<ComplaintView> {
  return call<ComplaintView>("add_dysfunction", { reference, category, description, on, actor });
}

export function addExchange(reference: string, input: NewExchange, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("add_exchange", { reference, input, actor });
}

export function addDisputeStep(reference: string, input: NewDisputeStep, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("add_dispute_step", { reference, input, actor });
}

// ---- Corrective actions --------------------------------------------------

/** Every corrective action: late ones first, then open ones by due date, then done / abandoned. */
export function listCorrectiveActions(): Promise<CorrectiveAction[]> {
  return call<CorrectiveAction[]>("list_actions");
}

/** Every dysfunction of the register, newest first, with the actions it is linked to. */
export function listDysfunctions(): Promise<DysfunctionEntry[]> {
  return call<DysfunctionEntry[]>("list_dysfunctions");
}

/** Record a corrective action and its links to complaints and dysfunctions (journaled). */
export function addCorrectiveAction(action: NewCorrectiveAction, actor: string): Promise<CorrectiveAction> {
  return call<CorrectiveAction>("add_action", { action, actor });
}

/** Correct an open corrective action (text, owner, due date: a date to come). */
export function editCorrectiveAction(id: number, input: ActionEdit, actor: string): Promise<CorrectiveAction> {
  return call<CorrectiveAction>("edit_action", { id, input, actor });
}

/** Move an open corrective action (planned, in progress) to another status; done and abandoned are final. */
export function setCorrectiveActionStatus(id: number, status: ActionStatus, actor: string): Promise<CorrectiveAction> {
  return call<CorrectiveAction>("set_action_status", { id, status, actor });
}

// "Action" in the UI is a lifecycle step; the commands above keep the backend's names
// (list_actions...) and these aliases keep the former UI names working until the core renames.
/** @deprecated use listCorrectiveActions */
export const listActions = listCorrectiveActions;
/** @deprecated use addCorrectiveAction */
export const addAction = addCorrectiveAction;
/** @deprecated use setCorrectiveActionStatus */
export const setActionStatus = setCorrectiveActionStatus;

// ---- Attachments ---------------------------------------------------------

const ATTACHMENT_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "eml", "msg", "txt", "docx", "odt"];

// ---- The firm's signing certificate ----------------------------------------

/** The firm's certificate (letters issued are signed with it), or null. */
export function certificateInfo(): Promise<CertificateInfo | null> {
  return call<CertificateInfo | null>("certificate_info");
}

/**
 * Create the firm's self-signed certificate from its settings (a manager); its key is kept
 * encrypted with `passphrase` (10 characters at least) and stays unlocked for the session.
 * Errors: "firm.name", "firm.orias", "certificate".
 */
export function createCertificate(
  passphrase: string,
  actor: string,
  replace = false,
): Promise<CertificateInfo> {
  return call<CertificateInfo>("create_certificate", { passphrase, replace, actor });
}

/**
 * Import a certificate bought from a certification authority from its `.p12`/`.pfx` file (a
 * manager): `password` opens the file, `passphrase` then protects the key. A valid current
 * certificate is replaced only with `replace`. Errors: "file", "certificate", "passphrase".
 */
export function importCertificate(
  path: string,
  password: string,
  passphrase: string,
  replace: boolean,
  actor: string,
): Promise<CertificateInfo> {
  return call<CertificateInfo>("import_certificate", { path, password, passphrase, replace, actor });
}

/** Declare the firm's certificate revoked (a manager): letters are no longer signed with it. */
export function revokeCertificate(reason: string, actor: string): Promise<CertificateInfo> {
  return call<CertificateInfo>("revoke_certificate", { reason, actor });
}

/** Choose a certificate file (.p12, .pfx) with the system's dialog; null when cancelled. */
export async function pickCertificateFile(): Promise<string | null> {
  const chosen = await openDialog({
    multiple: false,
    directory: false,
    filters: [{ name: "Certificat (.p12, .pfx)", extensions: ["p12", "pfx"] }],
  });
  return typeof chosen === "string" ? chosen : null;
}

/** Unlock the firm's key for this session (error field "passphrase" when wrong). */
export function unlockCertificate(passphrase: string): Promise<CertificateInfo> {
  return call<CertificateInfo>("unlock_certificate", { passphrase });
}

// ---- E-mail files ----------------------------------------------------------

/** What an e-mail file (.eml, .msg) proposes as a complaint; nothing is recorded. */
export function readEmail(path: string): Promise<EmailIntake> {
  return call<EmailIntake>("read_email", { path });
}

/** Record the complaint as checked, with the message and its attachments kept in its file. */
export function recordFromEmail(input: NewComplaint, path: string, actor: string): Promise<Complaint> {
  return call<Complaint>("record_from_email", { input, path, actor });
}

/** An e-mail about a complaint: an incoming exchange, the message and its attachments kept. */
export function addEmailExchange(reference: string, path: string, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("add_email_exchange", { reference, path, actor });
}

/** Ask the user for a saved e-mail (.eml, .msg). Resolves to its path, or null if cancelled. */
export async function pickEmailFile(): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      title: "Choisir un e-mail enregistré",
      filters: [{ name: "E-mails", extensions: ["eml", "msg"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

/**
 * Be told of files dropped on the window (their paths), and of a drag hovering it (`over`);
 * returns the function that stops listening. Outside the desktop app: nothing happens.
 */
export async function onFilesDropped(
  handler: (paths: string[]) => void,
  over?: (hovering: boolean) => void,
): Promise<() => void> {
  if (!isTauri()) return () => {};
  const { getCurrentWebview } = await import("@tauri-apps/api/webview");
  return getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (p.type === "enter" || p.type === "over") over?.(true);
    else if (p.type === "leave") over?.(false);
    else if (p.type === "drop") {
      over?.(false);
      handler(p.paths);
    }
  });
}

/** Ask the user for one file to attach. Resolves to its path, or null if cancelled. */
export async function pickAttachmentFile(): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      title: "Ajouter une pièce jointe",
      filters: [{ name: "Documents", extensions: ATTACHMENT_EXTENSIONS }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

export function addAttachment(reference: string, path: string, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("add_attachment", { reference, path, actor });
}

/** The backend opens the stored file in the system viewer. */
export function openAttachment(id: number): Promise<null> {
  return call<null>("open_attachment", { id });
}

// ---- Settings and users --------------------------------------------------

export function getSettings(): Promise<Settings> {
  return call<Settings>("get_settings");
}

export function setSetting(key: string, value: string, actor: string): Promise<Settings> {
  return call<Settings>("set_setting", { key, value, actor });
}

/**
 * Save a group of settings at once, checked together (a mediator without its postal address
 * or website is refused, one error per missing field: "mediator.address"...).
 */
export function setSettings(entries: [string, string][], actor: string): Promise<Settings> {
  return call<Settings>("set_settings", { entries, actor });
}

export function listUsers(): Promise<User[]> {
  return call<User[]>("list_users");
}

export function addUser(input: NewUser, actor: string): Promise<User[]> {
  return call<User[]>("add_user", { input, actor });
}

/** A manager changes a user's role, signing right or personal limit. */
export function editUser(name: string, input: UserEdit, actor: string): Promise<User[]> {
  return call<User[]>("edit_user", { name, input, actor });
}

/** A manager deactivates (or reactivates) a user. */
export function setUserActive(name: string, active: boolean, actor: string): Promise<User[]> {
  return call<User[]>("set_user_active", { name, active, actor });
}

/** Set a user's password or PIN: one's own, or anyone's as a manager. */
export function setPassword(name: string, secret: string, actor: string): Promise<User[]> {
  return call<User[]>("set_password", { name, secret, actor });
}

/** Ask the user for a PNG image of a signature. Resolves to its path, or null if cancelled. */
export async function pickSignatureFile(): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      title: "Choisir l'image de la signature (PNG)",
      filters: [{ name: "Image PNG", extensions: ["png"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

/** Store a user's signature image (the backend reads the PNG at `path`). */
export function setSignature(user: string, path: string, actor: string): Promise<User[]> {
  return call<User[]>("set_signature", { user, path, actor });
}

/** Ask for the firm's logo (PNG). Resolves to its path, or null if cancelled. */
export async function pickLogoFile(): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      title: "Choisir le logo du cabinet (PNG)",
      filters: [{ name: "Image PNG", extensions: ["png"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

/** Store the firm's logo (printed on the letterhead of every letter). */
export function setLogo(path: string, actor: string): Promise<null> {
  return call<null>("set_logo", { path, actor });
}

// ---- Letters -------------------------------------------------------------

/** The letter templates (the firm's text, or the shipped default). */
export function listTemplates(): Promise<TemplateEntry[]> {
  return call<TemplateEntry[]>("list_templates");
}

/** Replace a template; an empty text restores the default. */
export function setTemplate(key: string, text: string, actor: string): Promise<TemplateEntry[]> {
  return call<TemplateEntry[]>("set_template", { key, text, actor });
}

/** The placeholders a template may use: [key, French description]. */
/** The placeholders of the letter templates, or of the template `key` (the procedure has its own). */
export function templatePlaceholders(key?: string): Promise<Array<[string, string]>> {
  return call<Array<[string, string]>>("template_placeholders", { key: key ?? null });
}

/**
 * What the letters area may offer now, decided by the core for `actor`: the letters that fit,
 * who may sign them (and why not the answer), the default signatory, the latest date a
 * holding letter may announce, the answer's gesture and whether it is approved.
 */
export function letterChoices(reference: string, actor: string): Promise<LetterChoices> {
  return call<LetterChoices>("letter_choices", { reference, actor });
}

/** What the letter would say (nothing is stored). */
export function previewLetter(reference: string, request: LetterRequest): Promise<Composed> {
  return call<Composed>("preview_letter", { reference, request });
}

/** The backend renders the draft PDF and opens it in the system viewer (nothing is stored). */
export function openDraftLetter(reference: string, request: LetterRequest): Promise<null> {
  return call<null>("open_draft_letter", { reference, request });
}

/** Issue the letter: stored with its SHA-256 and journaled; the complaint's step moves. */
export function issueLetter(reference: string, request: LetterRequest, actor: string): Promise<ComplaintView> {
  return call<ComplaintView>("issue_letter", { reference, request, actor });
}

/** The backend opens an issued letter in the system viewer. */
export function openLetter(id: number): Promise<null> {
  return call<null>("open_letter", { id });
}

/** The backend writes a copy of an issued letter at `path`. */
export function saveLetter(id: number, path: string): Promise<null> {
  return call<null>("save_letter", { id, path });
}

/** Ask the user where to save a copy of a letter. Resolves to the path, or null if cancelled. */
export async function pickLetterSavePath(defaultName: string): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await saveDialog({
      title: "Enregistrer une copie de la lettre",
      defaultPath: defaultName,
      filters: [{ name: "Document PDF", extensions: ["pdf"] }],
    });
    return typeof picked === "string" && picked !== "" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Statistics and extracts ---------------------------------------------

/** Figures of the register over a period (with optional filters). */
export function extractStats(query: ExtractQuery): Promise<Stats> {
  return call<Stats>("extract_stats", { query });
}

export type ExtractFormat = "pdf" | "csv" | "xlsx";

/** The backend writes the register extract at `path` (journaled with the actor). */
export async function exportExtract(
  query: ExtractQuery,
  format: ExtractFormat,
  path: string,
  actor: string,
  progress?: (p: TaskProgress) => void,
): Promise<null> {
  const onProgress = await progressChannel(progress);
  return call<null>("export_extract", { query, format, path, actor, onProgress });
}

const EXTRACT_FILTERS: Readonly<Record<ExtractFormat, { name: string; extensions: string[] }>> = {
  pdf: { name: "Document PDF", extensions: ["pdf"] },
  csv: { name: "Fichier CSV (Excel)", extensions: ["csv"] },
  xlsx: { name: "Classeur Excel", extensions: ["xlsx"] },
};

/** Write the inspection pack (one PDF and its parts) into `dir`; resolves to the paths written. */
export async function exportPack(
  query: ExtractQuery,
  dir: string,
  actor: string,
  progress?: (p: TaskProgress) => void,
): Promise<string[]> {
  const onProgress = await progressChannel(progress);
  return call<string[]>("export_pack", { query, dir, actor, onProgress });
}

/** Ask the user where to save an extract. Resolves to the path, or null if cancelled. */
export async function pickExtractSavePath(defaultName: string, format: ExtractFormat): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await saveDialog({
      title: "Enregistrer l'extrait du registre",
      defaultPath: defaultName,
      filters: [EXTRACT_FILTERS[format]],
    });
    return typeof picked === "string" && picked !== "" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Import of an existing register --------------------------------------

/** Ask the user for the register file to import. Resolves to its path, or null if cancelled. */
export async function pickImportFile(): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      multiple: false,
      directory: false,
      title: "Importer un registre",
      filters: [{ name: "Registre (Excel, LibreOffice, CSV)", extensions: ["xlsx", "xls", "ods", "csv", "txt"] }],
    });
    return typeof picked === "string" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

/**
 * Read the register file at `path` and run every row through the register's rules.
 * `mapping`: one field (or null: not imported) per column; null lets the backend guess it
 * from the headers. `dryRun`: the same import in a transaction that is rolled back (the
 * exact preview). `allOrNothing`: record nothing if a single row is refused.
 */
export async function importRegister(
  path: string,
  mapping: (ImportField | null)[] | null,
  dryRun: boolean,
  allOrNothing: boolean,
  actor: string,
  choices: ImportChoices = {},
  progress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
  let onProgress: unknown = null;
  if (isTauri()) {
    const { Channel } = await import("@tauri-apps/api/core");
    const channel = new Channel<ImportProgress>();
    channel.onmessage = (p) => progress?.(p);
    onProgress = channel;
  }
  return call<ImportReport>("import_register", {
    path,
    mapping,
    sheet: choices.sheet ?? null,
    headerLine: choices.headerLine ?? null,
    defaultOutcome: choices.defaultOutcome ?? null,
    decisions: choices.decisions ?? null,
    dryRun,
    allOrNothing,
    actor,
    onProgress,
  });
}

/** How far an import is: rows gone through of the file's rows. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Stop the import under way: it ends refused (field "cancelled") and imports nothing. */
export function cancelImport(): Promise<null> {
  return call<null>("cancel_import");
}

/**
 * What the user chose in the import wizard beyond the mapping: the workbook's sheet, the line
 * of the column titles, the decision of every row whose text gives none, and the decision
 * of single rows (line in the file -> decision). Absent: what the core found.
 */
export interface ImportChoices {
  sheet?: string | null;
  headerLine?: number | null;
  defaultOutcome?: Outcome | null;
  decisions?: Record<number, Outcome> | null;
}

// ---- Personal data: retention and client export ----------------------------------------

/** The complaints past the retention period, with what anonymising them changes. */
export function anonymisationCandidates(): Promise<Candidate[]> {
  return call<Candidate[]>("anonymisation_candidates");
}

/** Anonymise the listed complaints (irreversible; one transaction, journaled). */
/** How many requests for information an anonymisation would take now (past the retention period). */
export function anonymisationRequestsDue(): Promise<number> {
  return call<number>("anonymisation_requests_due");
}

export async function anonymise(
  references: string[],
  actor: string,
  progress?: (p: TaskProgress) => void,
): Promise<AnonymisationReport> {
  const onProgress = await progressChannel(progress);
  return call<AnonymisationReport>("anonymise", { references, actor, onProgress });
}

/** Everything held about one client, written as JSON and PDF into `dir` (journaled). */
export function clientExport(query: string, dir: string, actor: string): Promise<ClientExportSummary> {
  return call<ClientExportSummary>("client_export", { query, dir, actor });
}

/** Ask the user for a folder. Resolves to the folder, or null if cancelled. */
export async function pickFolder(title: string): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({ title, directory: true });
    return typeof picked === "string" && picked !== "" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Proof and backups -------------------------------------------------------------------

/** Walk the register's proof (hash chain, states, letters, attachments). */
export async function verifyRegister(progress?: (p: TaskProgress) => void): Promise<VerifyReport> {
  const onProgress = await progressChannel(progress);
  return call<VerifyReport>("verify_register", { onProgress });
}

/** The backup folder, its files and what the start-up maintenance found. */
export function backupStatus(): Promise<BackupStatus> {
  return call<BackupStatus>("backup_status");
}

/** A consistent copy of the open register at `path`. */
export async function backupNow(path: string, progress?: (p: TaskProgress) => void): Promise<null> {
  const onProgress = await progressChannel(progress);
  return call<null>("backup_now", { path, onProgress });
}

/** Replace the open register by a backup (checked first; the replaced register is kept). */
/**
 * Replace the register by a backup (checked first). `acceptLoss`: the user confirmed
 * explicitly a restore that the preview says needs it (another register, a diverging journal).
 */
export function restoreBackup(path: string, acceptLoss = false): Promise<RestoreReport> {
  return call<RestoreReport>("restore_backup", { path, acceptLoss });
}

/** Both registers side by side before a restore, and what it would lose. */
export function restorePreview(path: string): Promise<RestorePreview> {
  return call<RestorePreview>("restore_preview", { path });
}

const DB_FILTER = { name: "Base Reclam", extensions: ["db"] };

/** Where to write a manual backup. Resolves to the path, or null if cancelled. */
export async function pickBackupSavePath(defaultName: string): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await saveDialog({ title: "Enregistrer une sauvegarde du registre", defaultPath: defaultName, filters: [DB_FILTER] });
    return typeof picked === "string" && picked !== "" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

/** The backup to restore (the dialog opens in `folder` when given). Resolves to the path, or null if cancelled. */
export async function pickBackupFile(folder?: string): Promise<string | null> {
  if (!isTauri()) throw NO_BACKEND;
  try {
    const picked = await openDialog({
      title: "Choisir la sauvegarde à restaurer",
      defaultPath: folder || undefined,
      filters: [DB_FILTER],
      multiple: false,
      directory: false,
    });
    return typeof picked === "string" && picked !== "" ? picked : null;
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Updates ----------------------------------------------------------------

/** An update offered: its version, the running one, its notes and date (RFC 3339). */
export interface UpdateOffer {
  version: string;
  currentVersion: string;
  notes: string | null;
  date: string | null;
}

/** How much of the update's package has arrived (bytes; total when the server says it). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** Look for a newer version of Reclam (null: up to date). Error field "update" in French. */
export function checkUpdate(): Promise<UpdateOffer | null> {
  return call<UpdateOffer | null>("check_update");
}

/**
 * Download the update found and verify its signature against the key built into the app (a
 * package that does not verify is refused); `progress` is told what has arrived.
 */
export async function downloadUpdate(progress: (p: DownloadProgress) => void): Promise<void> {
  if (!isTauri()) throw NO_BACKEND;
  const { Channel } = await import("@tauri-apps/api/core");
  const onProgress = new Channel<DownloadProgress>();
  onProgress.onmessage = progress;
  await call<null>("download_update", { onProgress });
}

/** Back up the register, install the downloaded update and restart the app. */
export function installUpdate(): Promise<null> {
  return call<null>("install_update");
}
