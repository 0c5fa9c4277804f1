-- The search index keeps no copy of the text (issue 16). Until now FTS5 stored every note a
-- second time to return highlights, and the database was 279 MiB for 75 MB of notes. The index is
-- now contentless (`content = ''`, with `contentless_delete` so a row can be removed by its rowid);
-- the text it indexes is defined once, by the view `search_documents`, which the triggers read
-- from and which search reads the (at most 50) hits from to mark their matches in Rust.
--
-- A row's rowid is its date and identity: (julian day << 35) + item id * 8 + kind code (mentor 1,
-- conversation 2, action 3, goal 4, question 5). FTS5 walks an index in rowid order, so "newest
-- first" is its natural order and it stops after the first 50 matches instead of collecting and
-- sorting every match (a word in most notes took 0.4 s at 100,000 notes); a date range is a range
-- of rowids; an imported old note sorts by its own date, not by when it was imported. Item ids stay
-- below 2^32 and days below 2^22 (the year 6700), so the key fits in 57 bits.
--
-- `who` holds "m<id>" for the mentor a row is about, so a mentor filter is part of the match and
-- keeps the rowid order; typed text is only ever matched against title and body.

DROP TRIGGER mentors_index_insert;
DROP TRIGGER mentors_index_update;
DROP TRIGGER mentors_index_delete;
DROP TRIGGER conversations_index_insert;
DROP TRIGGER conversations_index_update;
DROP TRIGGER conversations_index_delete;
DROP TRIGGER action_items_index_insert;
DROP TRIGGER action_items_index_update;
DROP TRIGGER action_items_index_delete;
DROP TRIGGER goals_index_insert;
DROP TRIGGER goals_index_update;
DROP TRIGGER goals_index_delete;
DROP TRIGGER mentor_questions_index_insert;
DROP TRIGGER mentor_questions_index_update;
DROP TRIGGER mentor_questions_index_delete;
DROP TABLE search_index;

-- What is searchable, one row per item, with the key its index row has. Drafts are not.
CREATE VIEW search_documents (doc, kind, item_id, mentor_id, happened, title, body) AS
    SELECT (coalesce(CAST(julianday(substr(created_at, 1, 10)) AS INTEGER), 0) << 35) + id * 8 + 1, 1, id, id, substr(created_at, 1, 10), name,
           concat_ws(' ', role, specialty, institution, how_we_met, agreed_goals, private_notes)
    FROM mentors
    UNION ALL
    SELECT (coalesce(CAST(julianday(substr(occurred_at, 1, 10)) AS INTEGER), 0) << 35) + id * 8 + 2, 2, id, mentor_id, substr(occurred_at, 1, 10), title,
           concat_ws(char(10), body, (SELECT group_concat(t.text, char(10) ORDER BY t.position)
                                      FROM takeaways t WHERE t.conversation_id = conversations.id))
    FROM conversations WHERE is_draft = 0
    UNION ALL
    SELECT (coalesce(CAST(julianday(coalesce(due_on, substr(created_at, 1, 10))) AS INTEGER), 0) << 35) + id * 8 + 3, 3, id, mentor_id, coalesce(due_on, substr(created_at, 1, 10)), title, ''
    FROM action_items
    UNION ALL
    SELECT (coalesce(CAST(julianday(created_on) AS INTEGER), 0) << 35) + id * 8 + 4, 4, id, NULL, created_on, title,
           concat_ws(char(10), description, success_criteria,
                     (SELECT group_concat(concat_ws(' ', r.note, r.old_title, r.old_criteria, r.reason), char(10) ORDER BY r.id)
                      FROM goal_reviews r WHERE r.goal_id = goals.id))
    FROM goals
    UNION ALL
    SELECT (coalesce(CAST(julianday(substr(created_at, 1, 10)) AS INTEGER), 0) << 35) + id * 8 + 5, 5, id, mentor_id, substr(created_at, 1, 10), text, ''
    FROM mentor_questions;

CREATE VIRTUAL TABLE search_index USING fts5 (
    title, body, who,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER mentors_index_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 1 AND item_id = new.id;
END;
CREATE TRIGGER mentors_index_update AFTER UPDATE ON mentors BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.created_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 1;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 1 AND item_id = new.id;
END;
CREATE TRIGGER mentors_index_delete AFTER DELETE ON mentors BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.created_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 1;
END;

CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations WHEN new.is_draft = 0 BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 2 AND item_id = new.id;
END;
CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.occurred_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 2;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 2 AND item_id = new.id;
END;
CREATE TRIGGER conversations_index_delete AFTER DELETE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.occurred_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 2;
END;

CREATE TRIGGER action_items_index_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 3 AND item_id = new.id;
END;
CREATE TRIGGER action_items_index_update AFTER UPDATE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(coalesce(old.due_on, substr(old.created_at, 1, 10))) AS INTEGER), 0) << 35) + old.id * 8 + 3;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 3 AND item_id = new.id;
END;
CREATE TRIGGER action_items_index_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(coalesce(old.due_on, substr(old.created_at, 1, 10))) AS INTEGER), 0) << 35) + old.id * 8 + 3;
END;

CREATE TRIGGER goals_index_insert AFTER INSERT ON goals BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 4 AND item_id = new.id;
END;
CREATE TRIGGER goals_index_update AFTER UPDATE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(old.created_on) AS INTEGER), 0) << 35) + old.id * 8 + 4;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 4 AND item_id = new.id;
END;
CREATE TRIGGER goals_index_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(old.created_on) AS INTEGER), 0) << 35) + old.id * 8 + 4;
END;

CREATE TRIGGER mentor_questions_index_insert AFTER INSERT ON mentor_questions BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 5 AND item_id = new.id;
END;
CREATE TRIGGER mentor_questions_index_update AFTER UPDATE ON mentor_questions BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.created_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 5;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents WHERE kind = 5 AND item_id = new.id;
END;
CREATE TRIGGER mentor_questions_index_delete AFTER DELETE ON mentor_questions BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.created_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 5;
END;

-- Rebuild, in rowid order: FTS5 writes out what it holds each time a rowid is lower than the last.
INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'm' || mentor_id FROM search_documents ORDER BY doc;
