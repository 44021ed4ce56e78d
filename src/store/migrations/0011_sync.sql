-- A workstation's side of the firm's register shared on a PostgreSQL server. The register's
-- own tables are a cache: every change the server ordered is applied to them, in its order.
-- These tables keep what the workstation needs to follow the server; none of them holds
-- register content the server does not also hold.

-- server, firm, device, login, member, cursor, cursorHash, nextDeviceSeq, lastOnline...
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Changes made here that the server has not ordered yet (made offline, or being pushed).
CREATE TABLE sync_outbox (
    device_seq INTEGER PRIMARY KEY,
    op_id      TEXT NOT NULL UNIQUE,
    login      TEXT NOT NULL,
    acted_at   TEXT NOT NULL,
    acted_on   TEXT NOT NULL,
    based_on   INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    reference  TEXT,
    payload    TEXT NOT NULL
) STRICT;

-- Changes of the firm's journal flagged for a person's review: refused when applied (the
-- complaint had moved on), or made on a complaint someone else changed meanwhile.
CREATE TABLE sync_conflicts (
    seq         INTEGER PRIMARY KEY,
    op_id       TEXT NOT NULL,
    author      TEXT NOT NULL,
    acted_at    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    reference   TEXT,
    reason      TEXT NOT NULL CHECK (reason IN ('refused', 'concurrent')),
    message     TEXT NOT NULL,
    payload     TEXT NOT NULL,
    other_seq   INTEGER,
    resolved_by TEXT,
    resolved_at TEXT,
    resolution  TEXT
) STRICT;

-- The last change of the firm's journal to each complaint, and where it was made.
CREATE TABLE sync_touches (
    reference TEXT PRIMARY KEY,
    seq       INTEGER NOT NULL,
    device    TEXT NOT NULL,
    author    TEXT NOT NULL
) STRICT;

-- Blocks of complaint numbers the server leased to this workstation (references handed out
-- offline never change).
CREATE TABLE sync_leases (
    year  INTEGER NOT NULL,
    first INTEGER NOT NULL,
    last  INTEGER NOT NULL,
    next  INTEGER NOT NULL,
    PRIMARY KEY (year, first)
) STRICT;

-- Who signed in here while online: their password's Argon2id hash lets them sign in offline.
CREATE TABLE sync_identity (
    login TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    role  TEXT NOT NULL,
    phc   TEXT NOT NULL,
    at    TEXT NOT NULL
) STRICT;
