-- Reclam register, schema version 9: the register's identity.
--
-- Every register gets an id when it is created (or first opened by this version), journaled by
-- a `registerIdentity` event. Backups carry it in their file name and in their content, so a
-- backup of one register (the demo, another firm's) is never taken for a backup of another:
-- daily backups rotate per register, and a restore compares identities before replacing.

CREATE TABLE register_identity (
    -- One row at most.
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    id TEXT NOT NULL CHECK (length(id) = 32),
    created_at TEXT NOT NULL
);

-- The identity never changes and is never removed: it is what a backup is matched against.
CREATE TRIGGER register_identity_no_update BEFORE UPDATE ON register_identity
BEGIN SELECT RAISE(ABORT, 'l''identité du registre ne change jamais'); END;
CREATE TRIGGER register_identity_no_delete BEFORE DELETE ON register_identity
BEGIN SELECT RAISE(ABORT, 'l''identité du registre ne s''efface pas'); END;
