-- Reclam register, schema version 7: imports of an existing register (XLSX / CSV), with the
-- original reference of every imported complaint and the key that stops a re-import from
-- duplicating it.

CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    imported    INTEGER NOT NULL,
    refused     INTEGER NOT NULL,
    duplicates  INTEGER NOT NULL
) STRICT;

CREATE TABLE imported_rows (
    complaint_id       INTEGER PRIMARY KEY REFERENCES complaints (id),
    import_id          INTEGER NOT NULL REFERENCES imports (id) DEFERRABLE INITIALLY DEFERRED,
    line               INTEGER NOT NULL,
    -- "ref:<original reference>" or, without one, "row:<sha256 of the row's identity>".
    source_key         TEXT NOT NULL UNIQUE,
    original_reference TEXT
) STRICT;

CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE(ABORT, 'le journal des imports ne se modifie pas'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'le journal des imports ne se supprime pas'); END;
CREATE TRIGGER imported_rows_no_update BEFORE UPDATE ON imported_rows
BEGIN SELECT RAISE(ABORT, 'l''origine d''une réclamation importée ne se modifie pas'); END;
CREATE TRIGGER imported_rows_no_delete BEFORE DELETE ON imported_rows
BEGIN SELECT RAISE(ABORT, 'l''origine d''une réclamation importée ne se supprime pas'); END;
