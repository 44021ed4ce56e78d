-- Reclam register, schema version 1.
-- Dates are ISO text (YYYY-MM-DD), instants RFC 3339 UTC: they sort as text.

-- Firm settings (identity, mediator, region...). Changes are journaled in `events`.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Last reference number handed out per year: references are never reused, even if a
-- recording transaction is the last thing that happened before a crash.
CREATE TABLE ref_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last INTEGER NOT NULL CHECK (last >= 0)
) STRICT;

CREATE TABLE complaints (
    id                INTEGER PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE,
    client_name       TEXT NOT NULL CHECK (length(trim(client_name)) > 0),
    client_address    TEXT,
    client_email      TEXT,
    client_phone      TEXT,
    client_number     TEXT,
    client_kind       TEXT NOT NULL,
    client_relation   TEXT NOT NULL,
    channel           TEXT NOT NULL,
    sent_on           TEXT,
    received_on       TEXT NOT NULL,
    subject           TEXT NOT NULL,
    description       TEXT NOT NULL,
    contract_number   TEXT,
    product           TEXT,
    insurer           TEXT,
    other_parties     TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    persons_concerned TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    received_by       TEXT,
    handler           TEXT,
    status            TEXT NOT NULL
        CHECK (status IN ('received', 'acknowledged', 'answered', 'closed')),
    acknowledged_on   TEXT,
    answered_on       TEXT,
    outcome           TEXT CHECK (outcome IS NULL OR outcome IN ('upheld', 'partial', 'rejected')),
    answer_summary    TEXT,
    gesture           TEXT,  -- decimal string, euros; never a float
    closed_on         TEXT,
    feedback          TEXT CHECK (feedback IS NULL OR feedback IN ('resolved', 'unresolved', 'none')),
    -- Deadlines are derived from the dates and the firm's region; kept here so that the list,
    -- its sort and the overdue filter are index lookups. Recomputed when a date or the
    -- region changes. "Overdue" itself is never stored: it depends on today.
    basis             TEXT NOT NULL CHECK (basis IN ('sent', 'received')),
    start_on          TEXT NOT NULL,
    ack_due           TEXT NOT NULL,
    answer_due        TEXT NOT NULL,
    next_due          TEXT,  -- ack_due while received, answer_due while acknowledged, else NULL
    recorded_at       TEXT NOT NULL,
    CHECK (sent_on IS NULL OR sent_on <= received_on),
    CHECK (acknowledged_on IS NULL OR acknowledged_on >= received_on),
    CHECK (answered_on IS NULL OR answered_on >= received_on),
    CHECK (closed_on IS NULL OR (answered_on IS NOT NULL AND closed_on >= answered_on))
) STRICT;

-- The register list: default order is most recent reception first, with or without a filter.
CREATE INDEX complaints_received ON complaints (received_on DESC, id DESC);
CREATE INDEX complaints_status ON complaints (status, received_on DESC, id DESC);
CREATE INDEX complaints_subject ON complaints (subject, received_on DESC, id DESC);
CREATE INDEX complaints_handler ON complaints (handler, received_on DESC, id DESC);
-- Overdue and due-soon lists: only open complaints have a next_due (partial index).
CREATE INDEX complaints_next_due ON complaints (next_due, id) WHERE next_due IS NOT NULL;
CREATE INDEX complaints_answer_due ON complaints (answer_due);

CREATE TABLE holdings (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    on_date      TEXT NOT NULL,
    note         TEXT NOT NULL
) STRICT;
CREATE INDEX holdings_complaint ON holdings (complaint_id, on_date);

CREATE TABLE dysfunctions (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    category     TEXT NOT NULL,
    description  TEXT NOT NULL,
    found_on     TEXT NOT NULL
) STRICT;
CREATE INDEX dysfunctions_complaint ON dysfunctions (complaint_id);

-- Requests that are not complaints (information, service): kept, but out of the register.
CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    client_name TEXT NOT NULL,
    channel     TEXT NOT NULL,
    received_on TEXT NOT NULL,
    description TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;

-- The journal. Every change writes one row in the same transaction as the change. Each row
-- carries the SHA-256 of its canonical content chained to the previous row's hash
-- (see src/store/journal.rs), and for complaint events the hash of the complaint's state
-- after the change, so that an edit behind the app's back is detectable.
CREATE TABLE events (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER REFERENCES complaints (id),
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    data         TEXT NOT NULL,  -- canonical JSON
    state_hash   TEXT,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX events_complaint ON events (complaint_id, id);

-- Nothing in the register is ever physically deleted, and the journal is append-only.
CREATE TRIGGER complaints_no_delete BEFORE DELETE ON complaints
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une réclamation'); END;
CREATE TRIGGER holdings_no_delete BEFORE DELETE ON holdings
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une réponse d''attente'); END;
CREATE TRIGGER dysfunctions_no_delete BEFORE DELETE ON dysfunctions
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un dysfonctionnement'); END;
CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une demande'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'le journal ne supprime jamais un événement'); END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'le journal ne modifie jamais un événement'); END;

-- Full-text search over the fields a user types in the search box. External content: the
-- text lives once, in `complaints`; triggers keep the index in step. Accents are folded so
-- that "reclamation" finds "réclamation".
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    reference, client_name, description, contract_number,
    content = 'complaints', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts (rowid, reference, client_name, description, contract_number)
    VALUES (new.id, new.reference, new.client_name, new.description, new.contract_number);
END;
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF reference, client_name, description, contract_number
ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, reference, client_name, description, contract_number)
    VALUES ('delete', old.id, old.reference, old.client_name, old.description, old.contract_number);
    INSERT INTO complaints_fts (rowid, reference, client_name, description, contract_number)
    VALUES (new.id, new.reference, new.client_name, new.description, new.contract_number);
END;
