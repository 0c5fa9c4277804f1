-- Private reflections and the calendar (issue 18). Only additions, and the conversation triggers
-- made again as they were but for one token.
--
-- A reflection is a finished note with no mentor (the rows 0006 made possible). Its search row now
-- carries `who = 'reflection'` instead of nothing, so "reflections only" is part of the FTS5 match
-- like a mentor filter ("m<id>") and keeps the newest-first walk that stops after a page; filtering
-- the hits afterwards would read every match of a common word. No mentor row can produce the token:
-- theirs are "m" and digits. The reflections already in the index are written again with it.
--
-- The calendar reads a month of due dates, done milestones and goal target dates: each gets an
-- index on that date (partial, as most rows have none), so a month is a range, not a scan.

DROP TRIGGER conversations_index_insert;
DROP TRIGGER conversations_index_update;

CREATE TRIGGER conversations_index_insert AFTER INSERT ON conversations WHEN new.is_draft = 0 BEGIN
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, coalesce('m' || mentor_id, 'reflection') FROM search_documents WHERE kind = 2 AND item_id = new.id;
END;
CREATE TRIGGER conversations_index_update AFTER UPDATE ON conversations BEGIN
    DELETE FROM search_index WHERE rowid = (coalesce(CAST(julianday(substr(old.occurred_at, 1, 10)) AS INTEGER), 0) << 35) + old.id * 8 + 2;
    INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, coalesce('m' || mentor_id, 'reflection') FROM search_documents WHERE kind = 2 AND item_id = new.id;
END;

DELETE FROM search_index WHERE rowid IN (SELECT doc FROM search_documents WHERE kind = 2 AND mentor_id IS NULL);
INSERT INTO search_index (rowid, title, body, who)
    SELECT doc, title, body, 'reflection' FROM search_documents WHERE kind = 2 AND mentor_id IS NULL ORDER BY doc;

CREATE INDEX action_items_due ON action_items (due_on) WHERE due_on IS NOT NULL;
CREATE INDEX milestones_done ON milestones (done_on) WHERE done_on IS NOT NULL;
CREATE INDEX goals_target ON goals (target_date) WHERE target_date IS NOT NULL;
