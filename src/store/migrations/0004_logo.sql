-- Reclam register, schema version 4: the firm's logo.

-- The firm's logo (PNG), printed on the letterhead. One row at most; replaced, never deleted.
CREATE TABLE firm_logo (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    png        BLOB NOT NULL,
    sha256     TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER firm_logo_no_delete BEFORE DELETE ON firm_logo
BEGIN SELECT RAISE(ABORT, 'remplacez le logo plutôt que de le supprimer'); END;
