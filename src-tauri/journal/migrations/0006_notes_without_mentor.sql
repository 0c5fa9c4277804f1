-- Notes that are about no single mentor (an entry imported from another journal that names no
-- mentor; later, the trainee's own reflections), and where an imported note came from.
--
-- SQLite cannot drop NOT NULL from a column, so `conversations` is rebuilt with the same rows and
-- ids (the search index, keyed by id, stays valid). The migration runs with foreign keys off (see
-- migrate.rs), so dropping the old table deletes nothing that refers to it; the triggers that
-- name the table are dropped first and made again as they were.

DROP TRIGGER conversations_index_insert;
DROP TRIGGER conversations_index_update;
DROP TRIGGER conversations_index_delete;
DROP TRIGGER takeaways_index_insert;
DROP TRIGGER takeaways_index_update;
DROP TRIGGER takeaways_index_delete;

CREATE TABLE conversations_rebuilt (
    id                INTEGER PRIMARY KEY,
    mentor_id         INTEGER REFERENCES mentors (id) ON DELETE CASCADE,
    occurred_at       TEXT    NOT NULL,
    channel           TEXT,
    duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes > 0),
    title             TEXT    NOT NULL DEFAULT '',
    body              TEXT    NOT NULL DEFAULT '',
    energy            INTEGER CHECK (energy IS NULL OR energy BETWEEN 1 AND 5),
    stress            INTEGER CHECK (stress IS NULL OR stress BETWEEN 1 AND 5),
    is_draft          INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    -- The entry's identity in the app it was imported from ("dayone:<uuid>", "jrnl:<hash>"), so
    -- importing the same file again adds nothing; NULL for notes written here.
    source            TEXT
);
INSERT INTO conversations_rebuilt (id, mentor_id, occurred_at, channel, duration_minutes, title,
                                   body, energy, stress, is_draft, created_at, updated_at)
    SELECT id, mentor_id, occurred_at, channel, duration_minutes, title, body, energy, stress,
           is_draft, created_at, updated_at
    FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_rebuilt RENAME TO conversations;

CREATE INDEX conversations_mentor ON conversations (mentor_id, occurred_at);
CREATE INDEX conversations_time ON conversations (occurred_at);
CREATE INDEX conversations_finished ON conversations (mentor_id, occurred_at) WHERE is_draft = 0;
CREATE UNIQUE INDEX conversations_source ON conversations (source) WHERE source IS NOT NULL;

CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations WHEN new.is_draft = 0 BEGIN
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 2, 'conversation', new.id, new.mentor_id, substr(new.occurred_at, 1, 10), new.title, new.body);
END;
CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT new.id * 8 + 2, 'conversation', new.id, new.mentor_id, substr(new.occurred_at, 1, 10), new.title,
           concat_ws(char(10), new.body, (SELECT group_concat(text, char(10)) FROM takeaways WHERE conversation_id = new.id))
    WHERE new.is_draft = 0;
END;
CREATE TRIGGER conversations_index_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;
CREATE TRIGGER takeaways_index_insert AFTER INSERT ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = new.conversation_id;
END;
CREATE TRIGGER takeaways_index_update AFTER UPDATE ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = new.conversation_id;
END;
CREATE TRIGGER takeaways_index_delete AFTER DELETE ON takeaways BEGIN
    UPDATE conversations SET updated_at = updated_at WHERE id = old.conversation_id;
END;
