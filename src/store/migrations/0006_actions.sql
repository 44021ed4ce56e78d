-- Reclam register, schema version 6: corrective actions decided from complaints and
-- dysfunctions (owner, due date, status), linked to what motivated them.

CREATE TABLE corrective_actions (
    id          INTEGER PRIMARY KEY,
    description TEXT NOT NULL CHECK (length(trim(description)) > 0),
    owner       TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL
        CHECK (status IN ('planned', 'inProgress', 'done', 'abandoned')),
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

-- What motivated an action: complaints and dysfunctions (several dysfunctions under one action
-- group them).
CREATE TABLE action_links (
    action_id      INTEGER NOT NULL REFERENCES corrective_actions (id),
    complaint_id   INTEGER REFERENCES complaints (id),
    dysfunction_id INTEGER REFERENCES dysfunctions (id),
    CHECK ((complaint_id IS NULL) <> (dysfunction_id IS NULL))
) STRICT;
CREATE INDEX action_links_action ON action_links (action_id);

CREATE TRIGGER corrective_actions_no_delete BEFORE DELETE ON corrective_actions
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais une action corrective'); END;
CREATE TRIGGER action_links_no_delete BEFORE DELETE ON action_links
BEGIN SELECT RAISE(ABORT, 'le registre ne supprime jamais un lien d''action corrective'); END;
