-- Goals and their reassessment log, per-mentor questions for next time, and goal links on action
-- items. Only additions; existing action items simply have no goal.

CREATE TABLE goal_categories (
    id       INTEGER PRIMARY KEY,
    name     TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    builtin  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO goal_categories (name, builtin) VALUES
    ('Skill development', 1), ('Research', 1), ('Career planning', 1), ('Networking', 1),
    ('Leadership', 1), ('Work-life balance', 1), ('Well-being', 1);

CREATE TABLE goals (
    id                INTEGER PRIMARY KEY,
    title             TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    description       TEXT    NOT NULL DEFAULT '',
    category_id       INTEGER REFERENCES goal_categories (id) ON DELETE SET NULL,
    success_criteria  TEXT    NOT NULL DEFAULT '',
    target_date       TEXT,
    status            TEXT    NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),
    status_since      TEXT    NOT NULL,
    -- Where the progress figure comes from: the latest review, or the share of milestones done.
    progress_from     TEXT    NOT NULL DEFAULT 'reviews' CHECK (progress_from IN ('reviews', 'milestones')),
    created_on        TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX goals_status ON goals (status, target_date);

CREATE TABLE goal_mentors (
    goal_id    INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    mentor_id  INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    PRIMARY KEY (goal_id, mentor_id)
) WITHOUT ROWID;
CREATE INDEX goal_mentors_mentor ON goal_mentors (mentor_id, goal_id);

CREATE TABLE milestones (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    done_on     TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX milestones_goal ON milestones (goal_id, position);

-- The reassessment log: every review, with the wording before and after when it refined the goal.
CREATE TABLE goal_reviews (
    id                INTEGER PRIMARY KEY,
    goal_id           INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    reviewed_on       TEXT    NOT NULL,
    progress          INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note              TEXT    NOT NULL DEFAULT '',
    old_title         TEXT,
    new_title         TEXT,
    old_criteria      TEXT,
    new_criteria      TEXT,
    reason            TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL
);
CREATE INDEX goal_reviews_goal ON goal_reviews (goal_id, reviewed_on, id);

CREATE TABLE goal_status_changes (
    id          INTEGER PRIMARY KEY,
    goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),
    changed_on  TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX goal_status_changes_goal ON goal_status_changes (goal_id, id);

ALTER TABLE action_items ADD COLUMN goal_id INTEGER REFERENCES goals (id) ON DELETE SET NULL;
CREATE INDEX action_items_goal ON action_items (goal_id);

-- The dashboard asks each mentor's latest finished conversation; drafts are left out of the index.
CREATE INDEX conversations_finished ON conversations (mentor_id, occurred_at) WHERE is_draft = 0;

-- Questions parked for a mentor's next conversation, ticked off once discussed.
CREATE TABLE mentor_questions (
    id            INTEGER PRIMARY KEY,
    mentor_id     INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    text          TEXT    NOT NULL CHECK (length(trim(text)) > 0),
    discussed_on  TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX mentor_questions_mentor ON mentor_questions (mentor_id, discussed_on);

-- Goals are searchable (wording, description, criteria and review notes); questions too. Index rows
-- are addressed by rowid = item id * 8 + kind code (goal 4, question 5), see 0005.
CREATE TRIGGER goals_index_insert AFTER INSERT ON goals BEGIN
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 4, 'goal', new.id, NULL, new.created_on, new.title,
            concat_ws(char(10), new.description, new.success_criteria));
END;
CREATE TRIGGER goals_index_update AFTER UPDATE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 4, 'goal', new.id, NULL, new.created_on, new.title,
            concat_ws(char(10), new.description, new.success_criteria,
                      (SELECT group_concat(concat_ws(' ', note, old_title, old_criteria, reason), char(10))
                       FROM goal_reviews WHERE goal_id = new.id)));
END;
CREATE TRIGGER goals_index_delete AFTER DELETE ON goals BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;
CREATE TRIGGER goal_reviews_index_insert AFTER INSERT ON goal_reviews BEGIN
    UPDATE goals SET updated_at = updated_at WHERE id = new.goal_id;
END;
CREATE TRIGGER goal_reviews_index_delete AFTER DELETE ON goal_reviews BEGIN
    UPDATE goals SET updated_at = updated_at WHERE id = old.goal_id;
END;

CREATE TRIGGER mentor_questions_index_insert AFTER INSERT ON mentor_questions BEGIN
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 5, 'question', new.id, new.mentor_id, substr(new.created_at, 1, 10), new.text, '');
END;
CREATE TRIGGER mentor_questions_index_update AFTER UPDATE ON mentor_questions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
    INSERT INTO search_index (rowid, kind, item_id, mentor_id, happened, title, body)
    VALUES (new.id * 8 + 5, 'question', new.id, new.mentor_id, substr(new.created_at, 1, 10), new.text, '');
END;
CREATE TRIGGER mentor_questions_index_delete AFTER DELETE ON mentor_questions BEGIN
    DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
