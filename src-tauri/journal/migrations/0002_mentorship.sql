-- The mentorship model: mentors in full (lifecycle, agreement, focus areas, introductions), the
-- outreach log for prospects, conversations with takeaways, action items, and the search index.
-- Only additions: existing mentors become active, organic mentors with no agreement yet.

ALTER TABLE mentors ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN specialty TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN institution TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN phone TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN how_we_met TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN origin TEXT NOT NULL DEFAULT 'organic'
    CHECK (origin IN ('assigned', 'organic', 'peer'));
ALTER TABLE mentors ADD COLUMN private_notes TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('prospective', 'active', 'paused', 'ended'));
ALTER TABLE mentors ADD COLUMN status_since TEXT;
ALTER TABLE mentors ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN cadence_days INTEGER CHECK (cadence_days IS NULL OR cadence_days > 0);
ALTER TABLE mentors ADD COLUMN usual_channel TEXT;
ALTER TABLE mentors ADD COLUMN agreed_goals TEXT NOT NULL DEFAULT '';
ALTER TABLE mentors ADD COLUMN introduced_by INTEGER REFERENCES mentors (id) ON DELETE SET NULL;

UPDATE mentors SET status_since = substr(created_at, 1, 10) WHERE status_since IS NULL;

-- Every lifecycle change, so ended mentors keep their whole history.
CREATE TABLE mentor_status_changes (
    id          INTEGER PRIMARY KEY,
    mentor_id   INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('prospective', 'active', 'paused', 'ended')),
    changed_on  TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX mentor_status_changes_mentor ON mentor_status_changes (mentor_id, changed_on);

CREATE TABLE focus_areas (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    builtin  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO focus_areas (name, builtin) VALUES
    ('Clinical skills', 1), ('Research', 1), ('Career', 1), ('Work-life & personal', 1),
    ('Leadership', 1), ('Well-being', 1);

CREATE TABLE mentor_focus_areas (
    mentor_id      INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    focus_area_id  INTEGER NOT NULL REFERENCES focus_areas (id) ON DELETE CASCADE,
    PRIMARY KEY (mentor_id, focus_area_id)
) WITHOUT ROWID;
CREATE INDEX mentor_focus_areas_area ON mentor_focus_areas (focus_area_id);

CREATE TABLE outreach (
    id         INTEGER PRIMARY KEY,
    mentor_id  INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    made_on    TEXT    NOT NULL,
    request    TEXT    NOT NULL CHECK (length(trim(request)) > 0),
    outcome    TEXT    NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'no_answer', 'declined', 'introduced', 'agreed')),
    note       TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
);
CREATE INDEX outreach_mentor ON outreach (mentor_id, made_on);

CREATE TABLE conversations (
    id                INTEGER PRIMARY KEY,
    mentor_id         INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    occurred_at       TEXT    NOT NULL,
    channel           TEXT,
    duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    title             TEXT    NOT NULL DEFAULT '',
    body              TEXT    NOT NULL DEFAULT '',
    energy            INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5),
    stress            INTEGER CHECK (stress IS NULL OR stress BETWEEN 1 AND 5),
    is_draft          INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX conversations_mentor ON conversations (mentor_id, occurred_at);
CREATE INDEX conversations_time ON conversations (occurred_at);

CREATE TABLE takeaways (
    id               INTEGER PRIMARY KEY,
    conversation_id  INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    text             TEXT    NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX takeaways_conversation ON takeaways (conversation_id, position);

CREATE TABLE action_items (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    due_on           TEXT,
    owner            TEXT    NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'mentor')),
    status           TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    mentor_id        INTEGER REFERENCES mentors (id) ON DELETE CASCADE,
    conversation_id  INTEGER REFERENCES conversations (id) ON DELETE SET NULL,
    completed_at     TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);
CREATE INDEX action_items_open ON action_items (status, due_on);
CREATE INDEX action_items_mentor ON action_items (mentor_id);
CREATE INDEX action_items_conversation ON action_items (conversation_id);

-- Full-text search over everything a user writes, inside the encrypted database. The triggers keep
-- it in step with every write, whatever code path makes it.
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED, item_id UNINDEXED, mentor_id UNINDEXED, happened UNINDEXED,
    title, body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER mentors_index_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    VALUES ('mentor', new.id, new.id, substr(new.created_at, 1, 10), new.name,
            concat_ws(' ', new.role, new.specialty, new.institution, new.how_we_met, new.agreed_goals, new.private_notes));
END;
CREATE TRIGGER mentors_index_update AFTER UPDATE ON mentors BEGIN
    DELETE FROM search_index WHERE kind = 'mentor' AND item_id = old.id;
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    VALUES ('mentor', new.id, new.id, substr(new.created_at, 1, 10), new.name,
            concat_ws(' ', new.role, new.specialty, new.institution, new.how_we_met, new.agreed_goals, new.private_notes));
END;
CREATE TRIGGER mentors_index_delete AFTER DELETE ON mentors BEGIN
    DELETE FROM search_index WHERE kind = 'mentor' AND item_id = old.id;
END;
INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    SELECT 'mentor', id, id, substr(created_at, 1, 10), name, '' FROM mentors;

-- A conversation's entry holds its body and its takeaways; drafts are not searchable until saved.
CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations WHEN new.is_draft = 0 BEGIN
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    VALUES ('conversation', new.id, new.mentor_id, substr(new.occurred_at, 1, 10), new.title, new.body);
END;
CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
    DELETE FROM search_index WHERE kind = 'conversation' AND item_id = old.id;
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    SELECT 'conversation', new.id, new.mentor_id, substr(new.occurred_at, 1, 10), new.title,
           concat_ws(char(10), new.body, (SELECT group_concat(text, char(10)) FROM takeaways WHERE conversation_id = new.id))
    WHERE new.is_draft = 0;
END;
CREATE TRIGGER conversations_index_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM search_index WHERE kind = 'conversation' AND item_id = old.id;
END;

CREATE TRIGGER action_items_index_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    VALUES ('action', new.id, new.mentor_id, coalesce(new.due_on, substr(new.created_at, 1, 10)), new.title, '');
END;
CREATE TRIGGER action_items_index_update AFTER UPDATE ON action_items BEGIN
    DELETE FROM search_index WHERE kind = 'action' AND item_id = old.id;
    INSERT INTO search_index (kind, item_id, mentor_id, happened, title, body)
    VALUES ('action', new.id, new.mentor_id, coalesce(new.due_on, substr(new.created_at, 1, 10)), new.title, '');
END;
CREATE TRIGGER action_items_index_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM search_index WHERE kind = 'action' AND item_id = old.id;
END;

-- Takeaways are part of their conversation's entry: touching the conversation re-indexes it.
CREATE TRIGGER takeaways_index_insert AFTER INSERT ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = new.conversation_id;
END;
CREATE TRIGGER takeaways_index_update AFTER UPDATE ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = new.conversation_id;
END;
CREATE TRIGGER takeaways_index_delete AFTER DELETE ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = old.conversation_id;
END;
