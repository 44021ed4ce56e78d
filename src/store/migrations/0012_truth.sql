-- Reclam register, schema version 12: a register that records what really happened.

-- A complaint withdrawn by the client, or requalified as a request for information (recorded
-- by mistake): it stays in the register with its ending; its deadlines stop.
ALTER TABLE complaints ADD COLUMN ended_kind TEXT
    CHECK (ended_kind IS NULL OR ended_kind IN ('withdrawn', 'requalified'));
ALTER TABLE complaints ADD COLUMN ended_on TEXT;
ALTER TABLE complaints ADD COLUMN ended_reason TEXT;
ALTER TABLE complaints ADD COLUMN ended_request INTEGER REFERENCES requests (id);

-- How the acknowledgement and the answer reached the client, and the copy the file keeps (the
-- SHA-256 of one of its attachments).
ALTER TABLE complaints ADD COLUMN ack_via TEXT
    CHECK (ack_via IS NULL OR ack_via IN ('registerLetter', 'email', 'otherLetter', 'oral'));
ALTER TABLE complaints ADD COLUMN ack_copy TEXT;
ALTER TABLE complaints ADD COLUMN answer_via TEXT
    CHECK (answer_via IS NULL OR answer_via IN ('registerLetter', 'email', 'otherLetter', 'oral'));
ALTER TABLE complaints ADD COLUMN answer_copy TEXT;

-- An oral complaint's written confirmation.
ALTER TABLE complaints ADD COLUMN confirmed_on TEXT;
ALTER TABLE complaints ADD COLUMN confirmation_copy TEXT;

-- Requests for information are followed: closed with a note; a complaint requalified as a
-- request (from_complaint), a request requalified as a complaint (to_complaint).
ALTER TABLE requests ADD COLUMN closed_on TEXT;
ALTER TABLE requests ADD COLUMN closing_note TEXT;
ALTER TABLE requests ADD COLUMN from_complaint INTEGER REFERENCES complaints (id);
ALTER TABLE requests ADD COLUMN to_complaint INTEGER REFERENCES complaints (id);
ALTER TABLE requests ADD COLUMN redacted_by INTEGER REFERENCES events (id);
CREATE INDEX requests_received ON requests (received_on DESC, id DESC);

-- Each leg of a dispute may say when its sequel is expected (the insurer's answer, the
-- mediator's opinion...), and whether it came from a lawyer (an alarm: the professional
-- liability insurer must be told).
ALTER TABLE dispute_steps ADD COLUMN expected_on TEXT;
ALTER TABLE dispute_steps ADD COLUMN from_lawyer INTEGER NOT NULL DEFAULT 0
    CHECK (from_lawyer IN (0, 1));

-- Corrective and preventive actions (the seed's words).
ALTER TABLE corrective_actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'corrective'
    CHECK (kind IN ('corrective', 'preventive'));

-- The same client's other complaints (the file's history, the intake's warning), by name or
-- by contract.
CREATE INDEX complaints_client ON complaints (client_name COLLATE NOCASE);
CREATE INDEX complaints_contract ON complaints (contract_number) WHERE contract_number IS NOT NULL;

-- A complaint through a public complaints platform: which one, public or private, the
-- platform's request and its deadline, the client's rating, the escalation to the platform's
-- legal-aid service.
ALTER TABLE complaints ADD COLUMN platform_name TEXT;
ALTER TABLE complaints ADD COLUMN platform_public INTEGER CHECK (platform_public IN (0, 1));
ALTER TABLE complaints ADD COLUMN platform_requested_on TEXT;
ALTER TABLE complaints ADD COLUMN platform_respond_by TEXT;
ALTER TABLE complaints ADD COLUMN platform_rating INTEGER
    CHECK (platform_rating IS NULL OR platform_rating BETWEEN 1 AND 5);
ALTER TABLE complaints ADD COLUMN platform_escalated_on TEXT;

-- An oral complaint gets a letter confirming it and inviting the client to confirm it in
-- writing: a fourth kind of letter. SQLite cannot change a CHECK constraint: the table is
-- rebuilt as it was (rows, index, triggers), the kind added.
CREATE TABLE letters_new (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('ack', 'holding', 'answer', 'confirmation')),
    signatory    TEXT NOT NULL,
    pdf          BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    issued_by    TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    redacted_by  INTEGER REFERENCES events (id),
    CHECK (length(pdf) = size)
) STRICT;
INSERT INTO letters_new (id, complaint_id, kind, signatory, pdf, size, sha256, issued_by,
    issued_at, redacted_by)
SELECT id, complaint_id, kind, signatory, pdf, size, sha256, issued_by, issued_at, redacted_by
FROM letters;
DROP TABLE letters;
ALTER TABLE letters_new RENAME TO letters;
CREATE INDEX letters_complaint ON letters (complaint_id, id);
CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une lettre émise'); END;
CREATE TRIGGER letters_no_update BEFORE UPDATE ON letters
WHEN NOT (
    OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL
    AND NEW.id = OLD.id AND NEW.sha256 = OLD.sha256 AND NEW.kind = OLD.kind
    AND NEW.complaint_id = OLD.complaint_id AND NEW.issued_at = OLD.issued_at
)
BEGIN SELECT RAISE(ABORT, 'une lettre émise ne se modifie pas : émettez une nouvelle lettre'); END;
