-- Reclam register, schema version 8: anonymisation after the retention period.
--
-- The journal stays append-only, but the personal data an event, a letter or an attachment
-- carries may be redacted once, by a later "anonymised" event that lists what it redacted with
-- the hashes they had. Verification then checks the chain's links and that later event instead
-- of the redacted content (see src/store/verify.rs). Nothing else may change.

ALTER TABLE events ADD COLUMN redacted_by INTEGER REFERENCES events (id);
ALTER TABLE letters ADD COLUMN redacted_by INTEGER REFERENCES events (id);
ALTER TABLE attachments ADD COLUMN redacted_by INTEGER REFERENCES events (id);

DROP TRIGGER events_no_update;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
WHEN NOT (
    OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL
    AND NEW.id = OLD.id AND NEW.hash = OLD.hash AND NEW.prev_hash = OLD.prev_hash
    AND NEW.at = OLD.at AND NEW.kind = OLD.kind AND NEW.actor = OLD.actor
    AND NEW.complaint_id IS OLD.complaint_id AND NEW.state_hash IS OLD.state_hash
)
BEGIN SELECT RAISE(ABORT, 'le journal ne modifie jamais un événement'); END;

DROP TRIGGER letters_no_update;
CREATE TRIGGER letters_no_update BEFORE UPDATE ON letters
WHEN NOT (
    OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL
    AND NEW.id = OLD.id AND NEW.sha256 = OLD.sha256 AND NEW.kind = OLD.kind
    AND NEW.complaint_id = OLD.complaint_id AND NEW.issued_at = OLD.issued_at
)
BEGIN SELECT RAISE(ABORT, 'une lettre émise ne se modifie pas : émettez une nouvelle lettre'); END;

DROP TRIGGER attachments_no_update;
CREATE TRIGGER attachments_no_update BEFORE UPDATE ON attachments
WHEN NOT (
    OLD.redacted_by IS NULL AND NEW.redacted_by IS NOT NULL
    AND NEW.id = OLD.id AND NEW.sha256 = OLD.sha256
    AND NEW.complaint_id = OLD.complaint_id AND NEW.added_at = OLD.added_at
)
BEGIN SELECT RAISE(ABORT, 'une pièce jointe ne se modifie pas : ajoutez-en une nouvelle'); END;
