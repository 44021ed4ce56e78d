// Generated from the Rust wire types by ts-rs (src/wire.rs). Do not edit by hand:
// UPDATE_BINDINGS=1 cargo test -p reclam --lib wire

export type Status = "received" | "acknowledged" | "answered" | "closed";

export type Subject = "subscription" | "contractManagement" | "claimSettlement" | "premiumBilling" | "termination" | "adviceDuty" | "serviceQuality" | "personalData" | "other";

export type Channel = "letter" | "email" | "phone" | "inPerson" | "webForm" | "platform" | "socialNetwork" | "other";

export type ClientKind = "person" | "company";

export type ClientRelation = "client" | "formerClient" | "prospect" | "beneficiary" | "other";

export type Outcome = "upheld" | "partial" | "rejected";

export type Feedback = "resolved" | "unresolved" | "none";

export type DysfunctionCategory = "process" | "information" | "delay" | "product" | "insurer" | "humanError" | "tooling" | "other";

export type Step = "acknowledgement" | "answer";

export type Action = "acknowledge" | "hold" | "answer" | "close" | "addDysfunction" | "confirm" | "stateSent" | "withdraw" | "requalify";

export type Basis = "sent" | "received";

export type Region = "metropole" | "alsace-moselle";

export type Role = "advisor" | "supervisor" | "manager";

export type Direction = "incoming" | "outgoing";

export type DisputeKind = "insurerForwarded" | "insurerAnswer" | "mediatorReferral" | "mediatorOutcome" | "formalNotice" | "courtAction" | "piDeclaration";

export type GestureKind = "credit" | "freeService" | "monthsOffered" | "other";

export type RefundBasis = "withdrawal" | "billingError" | "otherLegal" | "exception";

export type RefundScope = "partial" | "full";

export type ApprovalLevel = "supervisor" | "document";

export type EscalationSubject = "gesture" | "refund";

export type EscalationStatus = "pending" | "accepted" | "refused";

export type ProposalKind = "credit" | "freeService" | "monthsOffered" | "refund" | "other";

export type ProposalResponse = "pending" | "accepted" | "refused";

export type PaymentMethod = "transfer" | "cheque" | "card" | "offset" | "other";

export type EndKind = "withdrawn" | "requalified";

export type SentVia = "registerLetter" | "email" | "otherLetter" | "oral";

export type ActionKind = "corrective" | "preventive";

export type DisputeAlertKind = "late" | "dueSoon" | "lawyerLetter" | "referralOutsideWindow";

export type ComplaintRef = string;

export type Money = string;

export type Deadlines = { basis: Basis, start: string, ackDue: string, answerDue: string, };

export type NextDeadline = { step: Step, due: string, daysLeft: number, overdue: boolean, dueSoon: boolean, };

export type RegisterSort = "receivedDesc" | "receivedAsc" | "reference" | "nextDue";

export type RegisterQuery = { status?: Status | null, 
/**
 * Only complaints whose next deadline is past.
 */
overdue?: boolean, 
/**
 * Only complaints whose next deadline falls between today and today + N days.
 */
dueWithinDays?: number | null, search?: string | null, subject?: Subject | null, handler?: string | null, receivedFrom?: string | null, receivedTo?: string | null, 
/**
 * Only the complaints withdrawn, or requalified. A status filter shows the others.
 */
ended?: EndKind | null, 
/**
 * Only the oral complaints still open whose written confirmation has not arrived.
 */
awaitingConfirmation?: boolean, 
/**
 * Only the answers that were to go as the register's letter, not issued yet.
 */
answerLetterDue?: boolean, sort?: RegisterSort, limit: number, offset: number, };

export type RegisterRow = { reference: string, clientName: string, subject: Subject, channel: Channel, receivedOn: string, status: Status, handler: string | null, next: NextDeadline | null, 
/**
 * Withdrawn or requalified.
 */
ended?: EndKind | null, };

export type RegisterPage = { rows: Array<RegisterRow>, total: number, };

export type Client = { name: string, address: string | null, email: string | null, phone: string | null, number: string | null, kind: ClientKind, relation: ClientRelation, };

export type Contract = { number: string | null, product: string | null, insurer: string | null, };

export type Holding = { on: string, note: string, };

export type Answer = { on: string, outcome: Outcome, summary: string, gesture: Money | null, 
/**
 * What the gesture gives (absent on answers recorded before the authority matrix).
 */
gestureKind?: GestureKind | null, 
/**
 * The reason noted for a gesture from the matrix's first threshold (20 EUR by default).
 */
gestureReason?: string | null, refund?: Refund | null, 
/**
 * The internal document (an attachment of the file) a decision above the matrix's
 * document threshold carries.
 */
documentId?: number | null, 
/**
 * How the answer reached the client (absent on answers recorded before it was asked).
 */
sent?: Sent | null, };

export type Closure = { on: string, feedback: Feedback, 
/**
 * The client's satisfaction at closure, 1 to 5, when they answered.
 */
satisfaction?: number | null, 
/**
 * How the recourse routes of a rejection reached the client when no answer letter was
 * issued from the register (an e-mail answer, a letter written elsewhere…).
 */
recourseNote?: string | null, };

export type Dysfunction = { id: number, category: DysfunctionCategory, description: string, foundOn: string, };

export type Complaint = { reference: ComplaintRef, client: Client, channel: Channel, sentOn: string | null, receivedOn: string, subject: Subject, description: string, contract: Contract, otherParties: Array<string>, personsConcerned: Array<string>, receivedBy: string | null, handler: string | null, 
/**
 * What the client claims, when it is a sum (a refund request).
 */
amountClaimed?: Money | null, status: Status, acknowledgedOn: string | null, 
/**
 * How the acknowledgement reached the client (absent before it was asked).
 */
ackSent?: Sent | null, 
/**
 * An oral complaint's written confirmation, once received.
 */
confirmation?: Confirmation | null, 
/**
 * Withdrawn by the client or requalified: the complaint stays in the register, its
 * deadlines stop.
 */
ended?: Ending | null, 
/**
 * Received through a complaints platform: which, and what it asks.
 */
platform?: PlatformCase | null, holdings: Array<Holding>, answer: Answer | null, closure: Closure | null, dysfunctions: Array<Dysfunction>, recordedAt: string, 
/**
 * Derived from the dates and the firm's region; not a register field.
 */
deadlines: Deadlines, };

export type JournalEvent = { id: number, reference: string | null, at: string, actor: string, kind: string, data: unknown, stateHash: string | null, prevHash: string, hash: string, };

export type Exchange = { id: number, on: string, direction: Direction, channel: Channel, summary: string, recordedBy: string, };

export type AttachmentMeta = { id: number, name: string, mediaType: string, size: number, sha256: string, addedAt: string, addedBy: string, };

export type DisputeStep = { id: number, kind: DisputeKind, on: string, summary: string, recordedBy: string, 
/**
 * When its sequel is expected (the insurer's answer, the mediator's opinion).
 */
expectedOn?: string | null, 
/**
 * A letter from a lawyer: the professional liability insurer must be told.
 */
fromLawyer: boolean, };

export type MediationWindow = { from: string, until: string, };

export type ComplaintView = { next: NextDeadline | null, mediation: MediationWindow, allowedActions: Array<Action>, events: Array<JournalEvent>, exchanges: Array<Exchange>, attachments: Array<AttachmentMeta>, disputeSteps: Array<DisputeStep>, letters: Array<LetterMeta>, approvals: Array<Approval>, 
/**
 * Requests for approval of a gesture or refund, and their decisions.
 */
escalations: Array<Escalation>, 
/**
 * Solutions proposed to the client, and their responses.
 */
proposals: Array<Proposal>, 
/**
 * The refund's payment, once recorded.
 */
refundPayment: RefundPayment | null, 
/**
 * The refund decided in the answer is due by this day (14 days after the answer).
 */
refundDue: string | null, 
/**
 * The acknowledgement was never sent and the answer came after its due date.
 */
ackMissed: boolean, 
/**
 * The answer was to go as the register's letter, not issued yet.
 */
answerLetterDue: boolean, 
/**
 * An oral complaint whose written confirmation has not arrived.
 */
awaitsConfirmation: boolean, 
/**
 * What the dispute's legs call for now (late sequels, a lawyer's letter, a referral
 * outside the mediation window).
 */
disputeAlerts: Array<DisputeAlert>, 
/**
 * The same client's other complaints (by name or contract), most recent first.
 */
clientHistory: Array<ClientComplaintSummary>, 
/**
 * Earlier complaints left unresolved or still open, again and again: flag for the manager.
 */
repeatComplainant: boolean, 
/**
 * A public platform's complaint, answered: what can be published (no personal data, no
 * signature).
 */
publicAnswer: string | null, reference: ComplaintRef, client: Client, channel: Channel, sentOn: string | null, receivedOn: string, subject: Subject, description: string, contract: Contract, otherParties: Array<string>, personsConcerned: Array<string>, receivedBy: string | null, handler: string | null, 
/**
 * What the client claims, when it is a sum (a refund request).
 */
amountClaimed?: Money | null, status: Status, acknowledgedOn: string | null, 
/**
 * How the acknowledgement reached the client (absent before it was asked).
 */
ackSent?: Sent | null, 
/**
 * An oral complaint's written confirmation, once received.
 */
confirmation?: Confirmation | null, 
/**
 * Withdrawn by the client or requalified: the complaint stays in the register, its
 * deadlines stop.
 */
ended?: Ending | null, 
/**
 * Received through a complaints platform: which, and what it asks.
 */
platform?: PlatformCase | null, holdings: Array<Holding>, answer: Answer | null, closure: Closure | null, dysfunctions: Array<Dysfunction>, recordedAt: string, 
/**
 * Derived from the dates and the firm's region; not a register field.
 */
deadlines: Deadlines, };

export type Sent = { via: SentVia, copy?: string | null, };

export type Ending = { kind: EndKind, on: string, reason: string, 
/**
 * A requalification: the request for information it became.
 */
requestId?: number | null, };

export type Confirmation = { on: string, 
/**
 * The confirmation kept in the file (an attachment's SHA-256), when it came in writing.
 */
copy?: string | null, };

export type DisputeAlert = { kind: DisputeAlertKind, stepId: number, due: string | null, message: string, };

export type PlatformCase = { 
/**
 * The platform's name.
 */
name: string, 
/**
 * Public: the complaint and the whole answer are published.
 */
public: boolean, 
/**
 * When the platform passed the complaint on.
 */
requestedOn?: string | null, 
/**
 * The platform's deadline for an answer.
 */
respondBy?: string | null, 
/**
 * The client's rating at closure, 1 to 5.
 */
rating?: number | null, 
/**
 * When the client passed the case to the platform's legal-aid service.
 */
escalatedOn?: string | null, };

export type PlatformScore = { received: number, 
/**
 * Answered / received (a complaint withdrawn unanswered left out).
 */
responseRatePct: number | null, 
/**
 * Median days from reception to answer.
 */
medianDaysToAnswer: number | null, 
/**
 * Answered within `QUICK_DAYS` days, of the answered.
 */
answeredQuicklyPct: number | null, 
/**
 * Resolved / (resolved + not resolved).
 */
resolvedPct: number | null, 
/**
 * Mean of the three shares (response rate, answered quickly, resolved).
 */
combinedPct: number | null, 
/**
 * Mean rating the clients gave (1 to 5).
 */
meanRating: number | null, public: number, escalated: number, };

export type CertificateInfo = { subject: string, issuer: string, selfSigned: boolean, notBefore: string, notAfter: string, 
/**
 * SHA-256 of the certificate (DER), what the journal keeps with each signed letter.
 */
fingerprint: string, 
/**
 * The key's algorithm ("ECDSA P-256", "RSA 2048").
 */
key: string, 
/**
 * When the firm declared the certificate revoked (set by the register), if it did.
 */
revokedOn: string | null, };

export type InfoRequest = { id: number, clientName: string, channel: Channel, receivedOn: string, description: string, recordedBy: string, recordedAt: string, closedOn: string | null, closingNote: string | null, 
/**
 * The complaint it was requalified from (recorded as a complaint by mistake).
 */
fromComplaint: string | null, 
/**
 * The complaint it became (it was a complaint after all).
 */
toComplaint: string | null, };

export type RequestQuery = { 
/**
 * Words of the client's name or of the description.
 */
search?: string | null, 
/**
 * Only the requests still open.
 */
openOnly?: boolean, limit?: number | null, offset?: number | null, };

export type RequestPage = { rows: Array<InfoRequest>, total: number, };

export type ClientComplaintSummary = { reference: string, receivedOn: string, subject: Subject, status: Status, ended: EndKind | null, outcome: Outcome | null, feedback: Feedback | null, 
/**
 * Matched by the contract number rather than the name.
 */
sameContract: boolean, };

export type EmailIntake = { 
/**
 * The complaint as proposed: client and e-mail from the sender, the message's date as
 * the date sent and received, channel e-mail, the subject line and the text as the
 * description. The register's subject (category) is the user's to choose.
 */
complaint: NewComplaint, subjectLine: string, 
/**
 * The message file itself, kept as the first attachment.
 */
messageName: string, attachments: Array<MailAttachmentInfo>, 
/**
 * What the user should check (no date in the message, no sender's name...).
 */
warnings: Array<string>, };

export type MailAttachmentInfo = { name: string, size: number, };

export type NewClient = { name: string, address?: string | null, email?: string | null, phone?: string | null, number?: string | null, kind?: ClientKind | null, relation?: ClientRelation | null, };

export type NewContract = { number?: string | null, product?: string | null, insurer?: string | null, };

export type NewComplaint = { client: NewClient, channel: Channel, sentOn?: string | null, receivedOn: string, subject: Subject, description: string, contract: NewContract, otherParties: Array<string>, personsConcerned: Array<string>, receivedBy?: string | null, handler?: string | null, 
/**
 * What the client claims, when it is a sum (euros, as typed).
 */
amountClaimed?: string | null, };

export type NewRequest = { clientName: string, channel: Channel, receivedOn: string, description: string, };

export type NewExchange = { on: string, direction: Direction, channel: Channel, summary: string, };

export type NewDisputeStep = { kind: DisputeKind, on: string, summary: string, 
/**
 * When its sequel is expected; absent: the usual wait (`DisputeKind::usual_wait_days`).
 */
expectedOn?: string | null, fromLawyer?: boolean | null, };

export type NewUser = { name: string, role: Role, canSign: boolean, 
/**
 * Euros, as typed ("50", "49,90"); empty or absent: the default of the role.
 */
maxGesture?: string | null, 
/**
 * The user's first password or PIN (the manager hands it over); absent: none yet.
 * Read from the UI, never written out (nor printed by `Debug`).
 */
secret?: string | null, };

export type User = { id: number, name: string, role: Role, canSign: boolean, 
/**
 * The largest goodwill gesture the user may grant alone; `None`: the default of the
 * role (settings `authority.*`; no limit for a manager).
 */
maxGesture: Money | null, active: boolean, 
/**
 * The gesture the user may grant alone once the role's default applies; `None`: no
 * limit.
 */
authority: Money | null, 
/**
 * A signature image is stored for the user's letters.
 */
hasSignature: boolean, 
/**
 * The user has a password (or PIN) to sign in with.
 */
hasCredentials: boolean, };

export type SettingEntry = { key: string, label: string, value: string, };

export type Settings = { entries: Array<SettingEntry>, };

export type TodayCounts = { 
/**
 * Complaints not closed yet.
 */
open: number, overdue: number, dueSoon: number, awaitingAck: number, awaitingAnswer: number, 
/**
 * Oral complaints whose written confirmation has not arrived.
 */
awaitingConfirmation: number, 
/**
 * Answers that were to go as the register's letter, not issued yet.
 */
answerLettersDue: number, };

export type TodaySummary = { today: string, year: number, 
/**
 * "Due soon": within this many days (`DUE_SOON_DAYS`).
 */
dueSoonDays: number, counts: TodayCounts, 
/**
 * Most overdue first.
 */
overdue: Array<RegisterRow>, dueSoon: Array<RegisterRow>, awaitingAck: Array<RegisterRow>, awaitingAnswer: Array<RegisterRow>, 
/**
 * Oral complaints whose written confirmation has not arrived.
 */
awaitingConfirmation: Array<RegisterRow>, 
/**
 * Answers that were to go as the register's letter, not issued yet.
 */
answerLettersDue: Array<RegisterRow>, 
/**
 * Dispute legs whose sequel is late or expected within days, lawyers' letters not
 * declared to the professional liability insurer.
 */
disputeAlerts: Array<TodayDisputeAlert>, 
/**
 * Of this year's complaints whose acknowledgement was due or done, the share done in
 * time (an answer within the 10 jours ouvrables counts). `None` when there is none yet.
 */
ackOnTimePct: number | null, 
/**
 * The same for the answer within 2 months.
 */
answerOnTimePct: number | null, };

export type TodayDisputeAlert = { reference: string, clientName: string, alert: DisputeAlert, };

export type AppInfo = { dbPath: string, isDemo: boolean, today: string, region: string, version: string, openError: AppError | null, 
/**
 * The register has no complaint yet (the UI offers the demo register).
 */
empty: boolean, };

export type ErrorCode = "validation" | "transition" | "notFound" | "databaseTooNew" | "notADatabase" | "readOnly" | "database" | "migration" | "io" | "tampered" | "letter" | "signIn" | "forbidden" | "internal" | "offline" | "server" | "cancelled";

export type FieldError = { field: string, message: string, };

export type AppError = { 
/**
 * One of [`ErrorCode`]; a string in TypeScript because the UI adds codes of its own
 * (no backend, an unknown failure).
 */
code: string, message: string, field?: string, 
/**
 * Every refused field when a request had several (`field` and `message` are the first).
 */
fields?: Array<FieldError>, };

export type SecretKind = "password" | "pin";

export type SignInUser = { name: string, role: Role, hasCredentials: boolean, };

export type SessionState = { 
/**
 * The register has no user yet: the first one creates their account (the manager).
 */
noUsers: boolean, 
/**
 * Some user has credentials: everyone signs in (otherwise anyone at this computer may
 * act under any name, as before credentials existed).
 */
signInRequired: boolean, 
/**
 * Who is signed in (or chosen, while no credentials exist).
 */
signedIn: User | null, secretKind: SecretKind, 
/**
 * Minutes without activity after which the app locks itself.
 */
idleMinutes: number, 
/**
 * The active users, for the sign-in screen.
 */
users: Array<SignInUser>, };

export type UserEdit = { role?: Role | null, canSign?: boolean | null, 
/**
 * Euros, as typed; an empty text: back to the default of the role.
 */
maxGesture?: string | null, };

export type Refund = { amount: Money, basis: RefundBasis, scope: RefundScope, };

export type Requirement = { 
/**
 * A reason must be noted for the gesture.
 */
reason: boolean, 
/**
 * The gesture is beyond the actor's authority: an approval at this level covers it.
 */
gestureApproval: ApprovalLevel | null, 
/**
 * The refund (by exception) needs an approval at this level.
 */
refundApproval: ApprovalLevel | null, 
/**
 * An internal document must be attached to the decision.
 */
document: boolean, };

export type AuthorityCheck = { requirement: Requirement, 
/**
 * The largest gesture the acting user grants alone (`None`: no ceiling).
 */
limit: Money | null, 
/**
 * What accepted requests approve, per subject.
 */
approvedGesture: Money | null, approvedRefund: Money | null, 
/**
 * A pending request waits for a decision.
 */
pending: boolean, 
/**
 * What is still missing, in French (empty: the answer may be recorded).
 */
missing: Array<FieldError>, 
/**
 * The procedure's advice, in French, that does not block the answer (the seed asks for
 * at least three creative proposals before a pure refund).
 */
advice: Array<string>, };

export type Escalation = { id: number, subject: EscalationSubject, 
/**
 * The amount at stake.
 */
amount: Money, 
/**
 * For a refund: partial or full against the amount claimed.
 */
refundScope: RefundScope | null, level: ApprovalLevel, 
/**
 * Why the actor asks (their reason for the gesture or refund).
 */
reason: string, 
/**
 * The proposal the client already refused.
 */
refusedProposal: string, 
/**
 * The actor's analysis of the case.
 */
analysis: string, 
/**
 * The internal document attached (an attachment of the file), required at the
 * `document` level.
 */
documentId: number | null, requestedBy: string, requestedAt: string, 
/**
 * The approver's target: 2 h at the supervisor level, 4 h at the document level.
 */
dueAt: string, status: EscalationStatus, 
/**
 * The amount approved (possibly lower than asked).
 */
decidedAmount: Money | null, decisionReason: string | null, decidedBy: string | null, decidedAt: string | null, };

export type NewEscalation = { subject: EscalationSubject, 
/**
 * Euros, as typed.
 */
amount: string, refundScope?: RefundScope | null, reason: string, refusedProposal: string, analysis: string, documentId?: number | null, };

export type EscalationDecision = { accept: boolean, 
/**
 * Euros, as typed: a lower amount than asked, or absent for the amount asked.
 */
amount?: string | null, reason: string, };

export type PendingApproval = { reference: ComplaintRef, clientName: string, escalation: Escalation, late: boolean, 
/**
 * The acting user may decide it (filled by the register).
 */
mayDecide: boolean, 
/**
 * The acting user asked for it (filled by the register).
 */
mine: boolean, };

export type Proposal = { id: number, kind: ProposalKind, description: string, amount: Money | null, proposedOn: string, proposedBy: string, response: ProposalResponse, respondedOn: string | null, };

export type NewProposal = { kind: ProposalKind, description: string, amount?: string | null, on: string, };

export type RefundPayment = { 
/**
 * The payment's reference (transfer, cheque number...).
 */
reference: string, method: PaymentMethod, paidOn: string, recordedBy: string, recordedAt: string, };

export type NewRefundPayment = { reference: string, method: PaymentMethod, paidOn: string, };

export type RefundDue = { reference: ComplaintRef, clientName: string, amount: Money, decidedOn: string, dueOn: string, late: boolean, };

export type LetterKind = "ack" | "holding" | "answer" | "confirmation";

export type HoldingInfo = { 
/**
 * The new date by which the answer will be given (before the answer is due).
 */
expectedOn: string, 
/**
 * Where the handling stands, in a sentence or two.
 */
note: string, };

export type Block = { "type": "paragraph", text: string, } | { "type": "notice", title: string, paragraphs: Array<string>, };

export type Composed = { kind: LetterKind, firmName: string, firmLines: Array<string>, recipient: Array<string>, placeDate: string, references: Array<[string, string]>, subject: string, salutation: string, body: Array<Block>, closing: string, signatoryName: string, signatoryTitle: string, footer: Array<string>, 
/**
 * The recourse paragraph is present (always for a partial or total rejection).
 */
hasRecourse: boolean, };

export type LetterMeta = { id: number, kind: LetterKind, signatory: string, size: number, sha256: string, issuedAt: string, issuedBy: string, };

export type LetterRequest = { kind: LetterKind, signatory: string, holding?: HoldingInfo | null, };

export type TemplateEntry = { key: string, label: string, text: string, isDefault: boolean, };

export type Approval = { id: number, amount: Money, approvedBy: string, approvedAt: string, };

export type LetterOffer = { kind: LetterKind, 
/**
 * A letter of this kind was already issued: this one is a corrected version.
 */
newVersion: boolean, };

export type SignatoryChoice = { name: string, role: Role, 
/**
 * The largest gesture they may grant alone (`None`: no limit).
 */
authority: Money | null, 
/**
 * They may sign the answer letter as it stands (their signing right, and the gesture
 * within their authority or approved).
 */
maySignAnswer: boolean, 
/**
 * Why not, in French.
 */
whyNot: string | null, };

export type GestureState = { amount: Money, 
/**
 * An accepted request (or an older approval) covers it.
 */
approved: boolean, 
/**
 * The default signatory may not sign the answer without an approval.
 */
needsApproval: boolean, };

export type LetterChoices = { offers: Array<LetterOffer>, 
/**
 * Every active user with the right to sign.
 */
signatories: Array<SignatoryChoice>, 
/**
 * Who signs by default: the acting user if they may, else the handler, else the only one.
 */
defaultSignatory: string | null, 
/**
 * A holding letter must announce an answer no later than this (the answer's due date).
 */
latestHoldingDate: string, gesture: GestureState | null, 
/**
 * The client has no postal address: a letter cannot be issued (the e-mail route is).
 */
noPostalAddress: boolean, };

export type ExtractQuery = { from: string, to: string, status?: Status | null, subject?: Subject | null, channel?: Channel | null, product?: string | null, insurer?: string | null, handler?: string | null, };

export type Count = { label: string, count: number, };

export type Spread = { median: number, p90: number, 
/**
 * How many complaints the figures are computed on.
 */
of: number, };

export type MoneyKpis = { 
/**
 * Complaints that claim a sum or were granted a refund.
 */
refundRequests: number, refundsGranted: number, 
/**
 * Refunds granted / refund requests.
 */
refundRatePct: number | null, 
/**
 * Euros, a decimal string.
 */
averageRefund: string | null, 
/**
 * Of the refund requests answered, the share answered with a gesture instead.
 */
gesturesInsteadPct: number | null, 
/**
 * Of the gestures proposed that the client answered, the share accepted.
 */
gestureAcceptancePct: number | null, 
/**
 * Of the complaints where money was decided or asked for, the share escalated.
 */
escalationRatePct: number | null, 
/**
 * Average hours from a request for approval to its decision.
 */
averageApprovalHours: number | null, 
/**
 * Average satisfaction at closure (1 to 5), and on how many answers.
 */
satisfactionAverage: number | null, satisfactionCount: number, };

export type Stats = { from: string, to: string, 
/**
 * Complaints received (requalified ones were never complaints: left out).
 */
received: number, 
/**
 * Of those, withdrawn by the client.
 */
withdrawn: number, 
/**
 * Recorded as complaints and requalified as requests for information.
 */
requalified: number, 
/**
 * The complaints platform's score (seed 004), when some came through one.
 */
platform: PlatformScore | null, bySubject: Array<Count>, byProduct: Array<Count>, byInsurer: Array<Count>, byChannel: Array<Count>, byHandler: Array<Count>, 
/**
 * Of the acknowledgements due or done, the share done within the 10 jours ouvrables.
 */
ackOnTimePct: number | null, 
/**
 * Of the answers due or given, the share given within 2 months.
 */
answerOnTimePct: number | null, 
/**
 * Calendar days from reception to the acknowledgement (or to an answer that came first).
 */
daysToAck: Spread | null, 
/**
 * Calendar days from reception to the answer.
 */
daysToAnswer: Spread | null, upheld: number, partial: number, rejected: number, gesturesCount: number, 
/**
 * Euros, a decimal string.
 */
gesturesTotal: string, answered: number, 
/**
 * Answered / received.
 */
responseRatePct: number | null, resolved: number, unresolved: number, noFeedback: number, mediatorReferrals: number, 
/**
 * Complaints not closed, today (whatever the period).
 */
openNow: number, 
/**
 * Complaints whose next step is overdue, today (whatever the period).
 */
overdueNow: number, 
/**
 * The seed's refund and gesture indicators.
 */
money: MoneyKpis, };

export type ActionStatus = "planned" | "inProgress" | "done" | "abandoned";

export type CorrectiveAction = { id: number, kind: ActionKind, description: string, owner: string, dueOn: string, status: ActionStatus, 
/**
 * Not done nor abandoned, and its due date is past.
 */
late: boolean, 
/**
 * The statuses it may move to now (the rule is [`next_statuses`]'s).
 */
nextStatuses: Array<ActionStatus>, complaints: Array<string>, dysfunctions: Array<number>, };

export type NewCorrectiveAction = { 
/**
 * Corrective unless said otherwise.
 */
kind?: ActionKind, description: string, owner: string, dueOn: string, complaints: Array<string>, dysfunctions: Array<number>, };

export type DysfunctionEntry = { id: number, reference: string, category: DysfunctionCategory, description: string, foundOn: string, actions: Array<number>, };

export type ActionEdit = { description: string, owner: string, dueOn: string, };

export type ImportField = "reference" | "clientName" | "clientKind" | "clientAddress" | "clientEmail" | "clientPhone" | "clientNumber" | "receivedOn" | "sentOn" | "channel" | "subject" | "description" | "contract" | "claimNumber" | "product" | "insurer" | "otherParties" | "personsConcerned" | "receivedBy" | "handler" | "acknowledgedOn" | "answeredOn" | "outcome" | "answerSummary" | "gesture" | "dysfunctions" | "closedOn" | "feedback";

export type FieldInfo = { field: ImportField, label: string, required: boolean, };

export type SheetInfo = { name: string, 
/**
 * Its rows holding at least one value.
 */
rows: number, };

export type SourceInfo = { 
/**
 * "xlsx", "xls", "ods" or "csv".
 */
format: string, 
/**
 * The sheet read (workbooks), or `None`.
 */
sheet: string | null, 
/**
 * "UTF-8", "UTF-16" or "Windows-1252 (Latin-1)" (text files).
 */
encoding: string | null, 
/**
 * ";", "," or "tab" (text files).
 */
delimiter: string | null, 
/**
 * What the reading adjusted, in French ("dates au format mois/jour/année…").
 */
notes: Array<string>, 
/**
 * The workbook's sheets with their filled rows (to choose another one).
 */
sheets: Array<SheetInfo>, 
/**
 * The line of the header row (1-based, as the spreadsheet shows it).
 */
headerLine: number, 
/**
 * The first lines of the file (line, its cells as text), to choose another header row.
 */
topLines: Array<[number, Array<string>]>, };

export type Problem = { field: string, message: string, };

export type RowStatus = "accepted" | "refused" | "duplicate" | "ignored";

export type RowOutcome = { 
/**
 * Its line in the file (1-based, the header being line 1 when it is the first).
 */
line: number, status: RowStatus, originalReference: string | null, client: string | null, 
/**
 * The reference the register gave (or, in a preview, would give).
 */
reference: string | null, problems: Array<Problem>, warnings: Array<Problem>, 
/**
 * Refused only because its decision cannot be read: the user chooses it.
 */
needsDecision: boolean, };

export type ImportReport = { fileName: string, source: SourceInfo, headers: Array<string>, 
/**
 * The field of each column (`null`: not imported).
 */
mapping: Array<ImportField | null>, 
/**
 * The first rows of the file, as text, to check the mapping against.
 */
sample: Array<Array<string>>, fields: Array<FieldInfo>, dryRun: boolean, 
/**
 * Why the mapping cannot be used (a required field without a column, a field on two
 * columns): nothing was run, fix the mapping and try again.
 */
mappingError: string | null, total: number, accepted: number, refused: number, duplicates: number, 
/**
 * Total and footer lines under the table, not imported.
 */
ignored: number, rows: Array<RowOutcome>, };

export type MappingInput = Array<ImportField | null> | { [key in string]: ImportField | null };

export type Finding = { 
/**
 * "sqlite", "eventHash", "eventLink", "eventMissing", "stateHash", "letter",
 * "attachment", "redaction", "noEvent", "identity", "journalTruncated", and the
 * records checked against their events ("approval", "escalation", "proposal",
 * "refundPayment", "user", "setting", "logo", "signature", "correctiveAction",
 * "import").
 */
kind: string, eventId: number | null, reference: string | null, 
/**
 * French, for the user.
 */
message: string, };

export type VerifyReport = { ok: boolean, events: number, complaints: number, letters: number, attachments: number, 
/**
 * The hash of the last event (what extracts and packs print).
 */
head: string | null, 
/**
 * Every problem, the first broken link first.
 */
findings: Array<Finding>, };

export type BackupInfo = { 
/**
 * The register's identity (`None`: a file made before registers had one).
 */
registerId: string | null, 
/**
 * The firm's name in its settings (empty when not set).
 */
firm: string, complaints: number, events: number, 
/**
 * The hash of the last event.
 */
head: string | null, 
/**
 * When its last event was recorded (UTC, ISO 8601).
 */
lastEventAt: string | null, };

export type BackupFile = { path: string, name: string, size: number, 
/**
 * The day of an automatic backup (from its name).
 */
day: string | null, 
/**
 * What the file holds (`None`: not a readable register).
 */
content: BackupInfo | null, 
/**
 * A backup of the register that is open (same identity).
 */
thisRegister: boolean, };

export type Maintenance = { 
/**
 * False while it runs.
 */
done: boolean, 
/**
 * The file is damaged: what SQLite says.
 */
integrityError: string | null, 
/**
 * The backup this start wrote (none if today's already existed).
 */
backupWritten: string | null, backupError: string | null, };

export type BackupStatus = { folder: string, files: Array<BackupFile>, maintenance: Maintenance, };

export type RestoreReport = { 
/**
 * Where the replaced register was kept.
 */
replacedKeptAs: string | null, events: number, complaints: number, head: string | null, 
/**
 * How to get the replaced register back, in French.
 */
howToUndo: string | null, };

export type Relation = "same" | "older" | "newer" | "diverged" | "otherRegister";

export type RestorePreview = { file: string, 
/**
 * The file's modification time (UTC, ISO 8601): when the backup was written.
 */
writtenAt: string | null, backup: BackupInfo, 
/**
 * The register it would replace (`None`: there is none yet).
 */
current: BackupInfo | null, relation: Relation, 
/**
 * Another register, or a journal that is not the start of the current one: the restore
 * needs a second, explicit confirmation.
 */
needsExplicitConfirmation: boolean, 
/**
 * What will be lost or set aside, in French.
 */
consequence: string, };

export type ServerConfig = { 
/**
 * `postgres://LOGIN@HOST:PORT/DB`, or none: this desk keeps its own register.
 */
url: string | null, login: string | null, 
/**
 * Someone is signed in to the firm's register on this desk.
 */
open: boolean, };

export type SyncStatus = { server: string, login: string, member: string, role: string, online: boolean, 
/**
 * Since when the server could not be reached (RFC 3339), while offline.
 */
offlineSince: string | null, 
/**
 * Why, in French.
 */
offlineReason: string | null, 
/**
 * Changes made here the server has not ordered yet.
 */
pending: number, 
/**
 * Among them, those of another member, waiting for them to connect here.
 */
pendingOthers: number, 
/**
 * Conflicts still to review.
 */
conflicts: number, 
/**
 * The firm's journal as this workstation has applied it: its length and last hash.
 */
chainLength: number, chainHead: string, 
/**
 * The server's journal length, when online.
 */
serverLength: number | null, 
/**
 * The connection to the server is encrypted (TLS), when online.
 */
encrypted: boolean, };

export type SyncConflict = { 
/**
 * Its place in the firm's journal.
 */
seq: number, author: string, actedAt: string, kind: string, reference: string | null, 
/**
 * `refused`: it could not be applied (the complaint had moved on); `concurrent`: it was
 * applied, but someone else had changed the complaint meanwhile (`other_seq`).
 */
reason: string, message: string, payload: unknown, otherSeq: number | null, resolvedBy: string | null, resolvedAt: string | null, resolution: string | null, };

export type AdoptReport = { complaints: number, 
/**
 * Its own journal's events, now the start of every cache's journal.
 */
journalEvents: number, bytes: number, 
/**
 * The firm's journal after it.
 */
chainLength: number, };

export type CommandTiming = { command: string, shellUs: number, coreUs: number, };

export type TaskProgress = { stage: string, done: number, total: number, };

export type Candidate = { reference: ComplaintRef, clientName: string, receivedOn: string, subject: Subject, closedOn: string, 
/**
 * The last day the personal data had to be kept (closure + the retention period).
 */
keptUntil: string, 
/**
 * What will be anonymised: letters replaced by a placeholder, attachments emptied,
 * exchange summaries and journal events redacted.
 */
letters: number, attachments: number, exchanges: number, events: number, };

export type AnonymisedComplaint = { reference: ComplaintRef, 
/**
 * The `anonymised` event of the journal.
 */
eventId: number, 
/**
 * Earlier events whose data was redacted (the complaint's, and client exports).
 */
events: number, letters: number, attachments: number, exchanges: number, };

export type AnonymisationReport = { retentionYears: number, complaints: Array<AnonymisedComplaint>, 
/**
 * Requests for information anonymised with them (past the same period).
 */
requests: number, 
/**
 * The database file was rebuilt, so no older copy of the anonymised texts stays in its
 * unused space. `false`: another program was using the register; the texts are gone from
 * the register all the same, and the next anonymisation will rebuild the file.
 */
fileCompacted: boolean, };

export type ClientExportSummary = { query: string, 
/**
 * The references of the complaints found.
 */
references: Array<string>, jsonPath: string, pdfPath: string, };

export type ReferenceReq = { reference: string, };

export type ListComplaintsReq = { query: RegisterQuery, };

export type PreviewDeadlinesReq = { sentOn?: string | null, receivedOn: string, };

export type RecordComplaintReq = { input: NewComplaint, };

export type RecordRequestReq = { input: NewRequest, };

export type UpdateComplaintReq = { reference: string, input: NewComplaint, };

export type AcknowledgeReq = { reference: string, on: string, 
/**
 * registerLetter, email, otherLetter or oral (absent in changes made before it was asked).
 */
via?: string | null, 
/**
 * The SHA-256 of the attachment holding the copy of what was sent.
 */
copy?: string | null, };

export type HoldReq = { reference: string, on: string, note: string, };

export type AnswerMoneyReq = { 
/**
 * Euros, as typed ("150", "150,00"); absent or blank: no gesture.
 */
gesture?: string | null, 
/**
 * credit, freeService, monthsOffered or other.
 */
gestureKind?: string | null, 
/**
 * The reason noted for the gesture (from the matrix's first threshold).
 */
gestureReason?: string | null, 
/**
 * Euros, as typed; absent or blank: no refund.
 */
refundAmount?: string | null, 
/**
 * withdrawal, billingError, otherLegal or exception.
 */
refundBasis?: string | null, 
/**
 * partial or full.
 */
refundScope?: string | null, 
/**
 * The internal document: an attachment of the file.
 */
documentId?: number | null, };

export type AnswerReq = { reference: string, on: string, outcome: string, summary: string, 
/**
 * How the answer reached the client (see [`AcknowledgeReq`]).
 */
via?: string | null, copy?: string | null, 
/**
 * Euros, as typed ("150", "150,00"); absent or blank: no gesture.
 */
gesture?: string | null, 
/**
 * credit, freeService, monthsOffered or other.
 */
gestureKind?: string | null, 
/**
 * The reason noted for the gesture (from the matrix's first threshold).
 */
gestureReason?: string | null, 
/**
 * Euros, as typed; absent or blank: no refund.
 */
refundAmount?: string | null, 
/**
 * withdrawal, billingError, otherLegal or exception.
 */
refundBasis?: string | null, 
/**
 * partial or full.
 */
refundScope?: string | null, 
/**
 * The internal document: an attachment of the file.
 */
documentId?: number | null, };

export type AuthorityCheckReq = { reference: string, 
/**
 * Euros, as typed ("150", "150,00"); absent or blank: no gesture.
 */
gesture?: string | null, 
/**
 * credit, freeService, monthsOffered or other.
 */
gestureKind?: string | null, 
/**
 * The reason noted for the gesture (from the matrix's first threshold).
 */
gestureReason?: string | null, 
/**
 * Euros, as typed; absent or blank: no refund.
 */
refundAmount?: string | null, 
/**
 * withdrawal, billingError, otherLegal or exception.
 */
refundBasis?: string | null, 
/**
 * partial or full.
 */
refundScope?: string | null, 
/**
 * The internal document: an attachment of the file.
 */
documentId?: number | null, };

export type CloseReq = { reference: string, on: string, feedback: string, 
/**
 * The client's satisfaction, 1 to 5, when they gave it.
 */
satisfaction?: number | null, 
/**
 * How the recourse routes of a rejection reached the client without an answer letter.
 */
recourse?: string | null, };

export type AddDysfunctionReq = { reference: string, category: string, description: string, on: string, };

export type AddExchangeReq = { reference: string, input: NewExchange, };

export type AddDisputeStepReq = { reference: string, input: NewDisputeStep, };

export type AddAttachmentReq = { reference: string, path: string, };

export type LetterReq = { reference: string, request: LetterRequest, };

export type ExtractStatsReq = { query: ExtractQuery, };

export type ExportExtractReq = { query: ExtractQuery, 
/**
 * pdf, csv or xlsx.
 */
format: string, path: string, };

export type ExportPackReq = { query: ExtractQuery, dir: string, };

export type PeriodReq = { from: string, to: string, status?: string | null, subject?: string | null, channel?: string | null, product?: string | null, insurer?: string | null, handler?: string | null, };

export type AddUserReq = { input: NewUser, };

export type AddActionReq = { action: NewCorrectiveAction, };

export type SetActionStatusReq = { id: number, status: string, };

export type ImportReq = { path: string, 
/**
 * One field (or null) per column; absent or null: guessed from the headers.
 */
mapping?: MappingInput | null, 
/**
 * The workbook's sheet; absent: the register's (or the fullest) one.
 */
sheet?: string, 
/**
 * The header row's line; absent: found in the file.
 */
headerLine?: number, 
/**
 * The decision of every row whose text gives none (upheld, partial, rejected).
 */
defaultOutcome?: string, 
/**
 * The decision chosen row by row: line in the file → decision.
 */
decisions?: { [key in number]: string }, dryRun: boolean, allOrNothing: boolean, };

export type AnonymiseReq = { references: Array<string>, };

export type EndReq = { reference: string, on: string, reason: string, };

export type ConfirmReq = { reference: string, on: string, 
/**
 * The SHA-256 of the attachment holding the confirmation.
 */
copy?: string | null, };

export type StateSentReq = { reference: string, 
/**
 * acknowledgement or answer.
 */
step: string, via: string, copy?: string | null, };

export type CloseRequestReq = { id: number, on: string, 
/**
 * What was answered or done.
 */
note: string, };

export type RequestToComplaintReq = { id: number, reason: string, input: NewComplaint, };

export type EditActionReq = { id: number, input: ActionEdit, };

export type SetPlatformReq = { reference: string, input: PlatformCase, };
