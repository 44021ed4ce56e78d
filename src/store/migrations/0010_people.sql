-- Reclam register, schema version 10: the firm's people (credentials) and the authority
-- matrix enforced where money is decided (escalations, proposals, refunds and their payment).

-- A user's secret, as an Argon2id PHC string (never the secret itself). Replaced when reset;
-- the journal records that it changed, never the hash. The failure counter delays the next
-- attempts after five failures in a row.
CREATE TABLE credentials (
    user_id         INTEGER PRIMARY KEY REFERENCES users (id),
    phc             TEXT NOT NULL CHECK (phc LIKE '$argon2id$%'),
    set_at          TEXT NOT NULL,
    failures        INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
    last_failure_at TEXT
) STRICT;

CREATE TRIGGER credentials_no_delete BEFORE DELETE ON credentials
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un accès : désactivez l''utilisateur'); END;

-- What the client claims, when it is a sum; the answer's money; the satisfaction at closure.
ALTER TABLE complaints ADD COLUMN amount_claimed TEXT;
ALTER TABLE complaints ADD COLUMN gesture_kind TEXT
    CHECK (gesture_kind IS NULL OR gesture_kind IN ('credit', 'freeService', 'monthsOffered', 'other'));
ALTER TABLE complaints ADD COLUMN gesture_reason TEXT;
ALTER TABLE complaints ADD COLUMN refund_amount TEXT;
ALTER TABLE complaints ADD COLUMN refund_basis TEXT
    CHECK (refund_basis IS NULL OR refund_basis IN ('withdrawal', 'billingError', 'otherLegal', 'exception'));
ALTER TABLE complaints ADD COLUMN refund_scope TEXT
    CHECK (refund_scope IS NULL OR refund_scope IN ('partial', 'full'));
-- An attachment of the same complaint (checked by the register when the answer is recorded).
ALTER TABLE complaints ADD COLUMN answer_document_id INTEGER;
ALTER TABLE complaints ADD COLUMN satisfaction INTEGER
    CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5);
-- How the recourse routes of a rejection reached the client without an answer letter.
ALTER TABLE complaints ADD COLUMN recourse_note TEXT;

-- A request for approval of a gesture or a refund beyond the requester's authority, and its
-- decision (written once).
CREATE TABLE escalations (
    id               INTEGER PRIMARY KEY,
    complaint_id     INTEGER NOT NULL REFERENCES complaints (id),
    subject          TEXT NOT NULL CHECK (subject IN ('gesture', 'refund')),
    amount           TEXT NOT NULL,
    refund_scope     TEXT CHECK (refund_scope IS NULL OR refund_scope IN ('partial', 'full')),
    level            TEXT NOT NULL CHECK (level IN ('supervisor', 'document')),
    reason           TEXT NOT NULL,
    refused_proposal TEXT NOT NULL,
    analysis         TEXT NOT NULL,
    document_id      INTEGER REFERENCES attachments (id),
    requested_by     TEXT NOT NULL,
    requested_at     TEXT NOT NULL,
    due_at           TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'refused')),
    decided_amount   TEXT,
    decision_reason  TEXT,
    decided_by       TEXT,
    decided_at       TEXT,
    CHECK ((status = 'pending') = (decided_by IS NULL))
) STRICT;
CREATE INDEX escalations_complaint ON escalations (complaint_id, id);
CREATE INDEX escalations_pending ON escalations (due_at) WHERE status = 'pending';

CREATE TRIGGER escalations_no_delete BEFORE DELETE ON escalations
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une demande de validation'); END;
-- Written once: the decision of a pending request; afterwards only the anonymisation of its
-- texts (after the retention period) changes it.
CREATE TRIGGER escalations_decided_once BEFORE UPDATE ON escalations
WHEN NEW.subject IS NOT OLD.subject OR NEW.amount IS NOT OLD.amount
    OR NEW.refund_scope IS NOT OLD.refund_scope OR NEW.level IS NOT OLD.level
    OR NEW.document_id IS NOT OLD.document_id
    OR NEW.requested_by IS NOT OLD.requested_by OR NEW.requested_at IS NOT OLD.requested_at
    OR NEW.due_at IS NOT OLD.due_at
    OR NEW.reason NOT IN (OLD.reason, '[anonymisé]')
    OR NEW.refused_proposal NOT IN (OLD.refused_proposal, '[anonymisé]')
    OR NEW.analysis NOT IN (OLD.analysis, '[anonymisé]')
    OR (OLD.status <> 'pending' AND (
        NEW.status IS NOT OLD.status OR NEW.decided_amount IS NOT OLD.decided_amount
        OR NEW.decided_by IS NOT OLD.decided_by OR NEW.decided_at IS NOT OLD.decided_at
        OR coalesce(NEW.decision_reason, '') NOT IN (coalesce(OLD.decision_reason, ''), '[anonymisé]')))
BEGIN SELECT RAISE(ABORT, 'une demande de validation décidée ne se modifie pas'); END;

-- The solutions proposed to the client, and their response (written once).
CREATE TABLE proposals (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL
        CHECK (kind IN ('credit', 'freeService', 'monthsOffered', 'refund', 'other')),
    description  TEXT NOT NULL,
    amount       TEXT,
    proposed_on  TEXT NOT NULL,
    proposed_by  TEXT NOT NULL,
    response     TEXT NOT NULL DEFAULT 'pending'
        CHECK (response IN ('pending', 'accepted', 'refused')),
    responded_on TEXT
) STRICT;
CREATE INDEX proposals_complaint ON proposals (complaint_id, id);

CREATE TRIGGER proposals_no_delete BEFORE DELETE ON proposals
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une proposition'); END;
-- Written once: the client's response; afterwards only the anonymisation of its text.
CREATE TRIGGER proposals_answered_once BEFORE UPDATE ON proposals
WHEN NEW.amount IS NOT OLD.amount OR NEW.kind IS NOT OLD.kind
    OR NEW.proposed_on IS NOT OLD.proposed_on OR NEW.proposed_by IS NOT OLD.proposed_by
    OR NEW.description NOT IN (OLD.description, '[anonymisé]')
    OR (OLD.response <> 'pending'
        AND (NEW.response IS NOT OLD.response OR NEW.responded_on IS NOT OLD.responded_on))
BEGIN SELECT RAISE(ABORT, 'une proposition à laquelle le client a répondu ne se modifie pas'); END;

-- A refund's payment (one per complaint, never changed).
CREATE TABLE refund_payments (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id),
    reference    TEXT NOT NULL,
    method       TEXT NOT NULL CHECK (method IN ('transfer', 'cheque', 'card', 'offset', 'other')),
    paid_on      TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER refund_payments_no_delete BEFORE DELETE ON refund_payments
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un paiement'); END;
CREATE TRIGGER refund_payments_no_update BEFORE UPDATE ON refund_payments
WHEN NEW.method IS NOT OLD.method OR NEW.paid_on IS NOT OLD.paid_on
    OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
    OR NEW.reference NOT IN (OLD.reference, '[anonymisé]')
BEGIN SELECT RAISE(ABORT, 'un paiement enregistré ne se modifie pas'); END;

