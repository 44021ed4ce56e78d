-- Reclam register, schema version 3: signatures, gesture approvals and issued letters.

-- A user's handwritten signature (PNG), printed on the letters they sign.
ALTER TABLE users ADD COLUMN signature_png BLOB;

-- An approval of a goodwill gesture by a user whose authority covers it, when the signatory's
-- own authority does not (authority matrix of DOMAIN.md).
CREATE TABLE approvals (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    amount       TEXT NOT NULL,  -- decimal string, euros
    approved_by  TEXT NOT NULL,
    approved_at  TEXT NOT NULL
) STRICT;
CREATE INDEX approvals_complaint ON approvals (complaint_id);

-- Letters as issued: the exact PDF bytes sent, with their SHA-256. Never changed: a correction
-- is a new letter.
CREATE TABLE letters (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind         TEXT NOT NULL CHECK (kind IN ('ack', 'holding', 'answer')),
    signatory    TEXT NOT NULL,
    pdf          BLOB NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    issued_by    TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    CHECK (length(pdf) = size)
) STRICT;
CREATE INDEX letters_complaint ON letters (complaint_id, id);

CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une validation'); END;
CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'une validation ne se modifie pas'); END;
CREATE TRIGGER letters_no_delete BEFORE DELETE ON letters
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une lettre émise'); END;
CREATE TRIGGER letters_no_update BEFORE UPDATE ON letters
BEGIN SELECT RAISE(ABORT, 'une lettre émise ne se modifie pas : émettez une nouvelle lettre'); END;
