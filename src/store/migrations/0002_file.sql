-- Reclam register, schema version 2: the firm's users, and what the complaint file keeps
-- besides the register fields (exchanges, attachments, the other legs of a dispute).

-- The people who work on the register. Never deleted: a user who leaves is deactivated, and
-- the journal keeps their name as the author of what they did.
CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role        TEXT NOT NULL CHECK (role IN ('advisor', 'supervisor', 'manager')),
    can_sign    INTEGER NOT NULL CHECK (can_sign IN (0, 1)),
    max_gesture TEXT,  -- decimal string, euros; NULL = no gesture alone
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL
) STRICT;

-- Exchanges with the client or a third party about a complaint (calls, emails, letters).
CREATE TABLE exchanges (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    on_date      TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    channel      TEXT NOT NULL,
    summary      TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX exchanges_complaint ON exchanges (complaint_id, on_date);

-- Scanned letters, emails, photos: the bytes live in the database with their SHA-256, so the
-- register and its proof travel together and a backup holds everything.
CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    name         TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    sha256       TEXT NOT NULL,
    content      BLOB NOT NULL,
    added_by     TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    CHECK (length(content) = size)
) STRICT;
CREATE INDEX attachments_complaint ON attachments (complaint_id);

-- The other legs of a dispute: insurer, mediator, litigation, professional liability insurer.
CREATE TABLE dispute_steps (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('insurerForwarded', 'insurerAnswer',
                     'mediatorReferral', 'mediatorOutcome', 'formalNotice', 'courtAction',
                     'piDeclaration')),
    on_date      TEXT NOT NULL,
    summary      TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX dispute_steps_complaint ON dispute_steps (complaint_id, on_date);

CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un utilisateur'); END;
CREATE TRIGGER exchanges_no_delete BEFORE DELETE ON exchanges
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un échange'); END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une pièce jointe'); END;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'une pièce jointe ne se modifie pas : ajoutez-en une nouvelle'); END;
CREATE TRIGGER dispute_steps_no_delete BEFORE DELETE ON dispute_steps
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une étape de litige'); END;
