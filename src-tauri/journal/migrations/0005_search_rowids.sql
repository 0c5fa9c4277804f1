-- Search index rows get a rowid derived from what they index: item id * 8 + a kind code
-- (mentor 1, conversation 2, action 3; goals 4 and questions 5 since 0004). The triggers of 0002
-- found a row to replace by its UNINDEXED kind and item id, which FTS5 can only do by reading the
-- whole index: every edit cost time proportional to the journal. By rowid it is one lookup.
-- The triggers are replaced and the index rebuilt from the tables; no user data changes.

DROP TRIGGER mentors_index_insert;
DROP TRIGGER mentors_index_update;
DROP TRIGGER mentors_index_delete;
DROP TRIGGER conversations_index_insert;
DROP TRIGGER conversations_index_update;
DROP TRIGGER conversations_index_delete;
DROP TRIGGER action_items_index_insert;
DROP TRIGGER action_items_index_update;
DROP TRIGGER action_items_index_delete;

CREATE TRIGGER mentors_index_insert AFTER INSERT ON mentors BEGIN
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 1, 'mentor', new.id, new.id, substr(new.created_at, 1, 10), new.name,
            concat_ws(' ', new.role, new.specialty, new.institution, new.how_we_met, new.agreed_goals, new.private_notes));
END;
CREATE TRIGGER mentors_index_update AFTER UPDATE ON mentors BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 1, 'mentor', new.id, new.id, substr(new.created_at, 1, 10), new.name,
            concat_ws(' ', new.role, new.specialty, new.institution, new.how_we_met, new.agreed_goals, new.private_notes));
END;
CREATE TRIGGER mentors_index_delete AFTER DELETE ON mentors BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;

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

CREATE TRIGGER action_items_index_insert AFTER INSERT ON action_items BEGIN
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 3, 'action', new.id, new.mentor_id, coalesce(new.due_on, substr(new.created_at, 1, 10)), new.title, '');
END;
CREATE TRIGGER action_items_index_update AFTER UPDATE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 3, 'action', new.id, new.mentor_id, coalesce(new.due_on, substr(new.created_at, 1, 10)), new.title, '');
END;
CREATE TRIGGER action_items_index_delete AFTER DELETE ON action_items BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;

-- Rebuild: the same entries the triggers would have written, now at their derived rowids.
DELETE FROM search_index;
INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT id * 8 + 1, 'mentor', id, id, substr(created_at, 1, 10), name,
           concat_ws(' ', role, specialty, institution, how_we_met, agreed_goals, private_notes)
    FROM mentors;
INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT c.id * 8 + 2, 'conversation', c.id, c.mentor_id, substr(c.occurred_at, 1, 10), c.title,
           concat_ws(char(10), c.body, (SELECT group_concat(text, char(10)) FROM takeaways WHERE conversation_id = c.id))
    FROM conversations c WHERE c.is_draft = 0;
INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT id * 8 + 3, 'action', id, mentor_id, coalesce(due_on, substr(created_at, 1, 10)), title, ''
    FROM action_items;
INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT g.id * 8 + 4, 'goal', g.id, NULL, g.created_on, g.title,
           concat_ws(char(10), g.description, g.success_criteria,
                     (SELECT group_concat(concat_ws(' ', note, old_title, old_criteria, reason), char(10))
                      FROM goal_reviews WHERE goal_id = g.id))
    FROM goals g;
INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    SELECT id * 8 + 5, 'question', id, mentor_id, substr(created_at, 1, 10), text, ''
    FROM mentor_questions;
