import { describe, expect, it } from "vitest";
import { ACTION_LABELS, BASIS_LABELS, EVENT_KIND_LABELS, eventKindLabel } from "./format";
import {
  CHANNELS,
  CHANNEL_LABELS,
  CLIENT_KINDS,
  CLIENT_KIND_LABELS,
  CLIENT_RELATIONS,
  CLIENT_RELATION_LABELS,
  CORRECTIVE_ACTION_STATUSES,
  CORRECTIVE_ACTION_STATUS_LABELS,
  DIRECTIONS,
  DIRECTION_LABELS,
  DISPUTE_KINDS,
  DISPUTE_KIND_LABELS,
  DYSFUNCTION_CATEGORIES,
  DYSFUNCTION_CATEGORY_LABELS,
  FEEDBACKS,
  FEEDBACK_LABELS,
  OUTCOMES,
  OUTCOME_LABELS,
  ROLES,
  ROLE_LABELS,
  STATUSES,
  STATUS_LABELS,
  STEP_LABELS,
  SUBJECTS,
  SUBJECT_LABELS,
} from "./backend/labels";

// Every wire enum value, written out independently of the label maps: a value
// added to the backend and forgotten here fails the test.
const ENUMS: [string, Readonly<Record<string, string>>, string[]][] = [
  ["Status", STATUS_LABELS, ["received", "acknowledged", "answered", "closed"]],
  [
    "Subject",
    SUBJECT_LABELS,
    [
      "subscription",
      "contractManagement",
      "claimSettlement",
      "premiumBilling",
      "termination",
      "adviceDuty",
      "serviceQuality",
      "personalData",
      "other",
    ],
  ],
  ["Channel", CHANNEL_LABELS, ["letter", "email", "phone", "inPerson", "webForm", "platform", "socialNetwork", "other"]],
  ["ClientKind", CLIENT_KIND_LABELS, ["person", "company"]],
  ["ClientRelation", CLIENT_RELATION_LABELS, ["client", "formerClient", "prospect", "beneficiary", "other"]],
  ["Outcome", OUTCOME_LABELS, ["upheld", "partial", "rejected"]],
  ["Feedback", FEEDBACK_LABELS, ["resolved", "unresolved", "none"]],
  [
    "DysfunctionCategory",
    DYSFUNCTION_CATEGORY_LABELS,
    ["process", "information", "delay", "product", "insurer", "humanError", "tooling", "other"],
  ],
  ["Step", STEP_LABELS, ["acknowledgement", "answer"]],
  [
    "Action",
    ACTION_LABELS,
    ["acknowledge", "hold", "answer", "close", "addDysfunction", "confirm", "stateSent", "withdraw", "requalify"],
  ],
  ["ActionStatus", CORRECTIVE_ACTION_STATUS_LABELS, ["planned", "inProgress", "done", "abandoned"]],
  ["Basis", BASIS_LABELS, ["sent", "received"]],
  ["Role", ROLE_LABELS, ["advisor", "supervisor", "manager"]],
  ["Direction", DIRECTION_LABELS, ["incoming", "outgoing"]],
  [
    "DisputeKind",
    DISPUTE_KIND_LABELS,
    ["insurerForwarded", "insurerAnswer", "mediatorReferral", "mediatorOutcome", "formalNotice", "courtAction", "piDeclaration"],
  ],
  [
    "JournalEvent.kind",
    EVENT_KIND_LABELS,
    ["recorded", "edited", "acknowledged", "holding", "answered", "closed", "dysfunction", "exchange", "attachment", "disputeStep", "letterIssued", "gestureApproved", "escalated", "escalationDecided", "proposalMade", "proposalAnswered", "refundPaid", "imported", "anonymised", "registerIdentity", "withdrawn", "requalified", "sent", "confirmed", "requestRecorded", "requestClosed", "requestRequalified", "platform"],
  ],
];

describe("label maps are complete", () => {
  for (const [name, labels, values] of ENUMS) {
    it(name, () => {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) {
        expect(labels[v], `${name}.${v}`).toBeTruthy();
        expect(labels[v]).not.toBe(v);
      }
    });
  }

  it("select option lists iterate every value in declaration order", () => {
    expect(STATUSES).toEqual(["received", "acknowledged", "answered", "closed"]);
    expect(SUBJECTS).toEqual(Object.keys(SUBJECT_LABELS));
    expect(CHANNELS).toHaveLength(8);
    expect(CLIENT_KINDS).toEqual(["person", "company"]);
    expect(CLIENT_RELATIONS).toHaveLength(5);
    expect(OUTCOMES).toEqual(["upheld", "partial", "rejected"]);
    expect(FEEDBACKS).toEqual(["resolved", "unresolved", "none"]);
    expect(DYSFUNCTION_CATEGORIES).toHaveLength(8);
    expect(ROLES).toEqual(["advisor", "supervisor", "manager"]);
    expect(DIRECTIONS).toEqual(["incoming", "outgoing"]);
    expect(DISPUTE_KINDS).toHaveLength(7);
    expect(CORRECTIVE_ACTION_STATUSES).toEqual(["planned", "inProgress", "done", "abandoned"]);
  });

  it("uses the French vocabulary of the register", () => {
    expect(CLIENT_KIND_LABELS.person).toBe("Particulier");
    expect(CLIENT_RELATION_LABELS.beneficiary).toBe("Bénéficiaire");
    expect(OUTCOME_LABELS.partial).toBe("Partiellement fondée");
    expect(FEEDBACK_LABELS.none).toBe("Sans retour");
    expect(DYSFUNCTION_CATEGORY_LABELS.insurer).toBe("Assureur / partenaire");
    expect(ROLE_LABELS.manager).toBe("Dirigeant");
    expect(DIRECTION_LABELS.outgoing).toBe("Envoyé");
    expect(DISPUTE_KIND_LABELS.piDeclaration).toBe("Déclaration à l'assureur RC professionnelle");
    expect(STATUS_LABELS.acknowledged).toBe("Accusé de réception envoyé");
    expect(BASIS_LABELS.sent).toBe("à partir de la date d'envoi");
    // Generated from the core (tests/ui_labels.rs writes ../backend/labels.ts).
    expect(CORRECTIVE_ACTION_STATUS_LABELS).toEqual({
      planned: "Prévue",
      inProgress: "En cours",
      done: "Réalisée",
      abandoned: "Abandonnée",
    });
  });

  it("falls back to the raw kind for unknown journal events", () => {
    expect(eventKindLabel("answered")).toBe("Réponse");
    expect(eventKindLabel("somethingNew")).toBe("somethingNew");
  });
});
