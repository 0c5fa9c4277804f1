-- Note templates and the trainee's schedule (issue 18). Only additions.
--
-- A template is a Markdown skeleton with prompts plus suggested takeaways, which a new note starts
-- from. The built-in ones carry a `builtin_key` (their text lives in the app, templates/builtin.rs,
-- which seeds them right after this script), so one that was deleted can be restored and an edited
-- one is still known as built-in. Suggested takeaways are one per line: a takeaway is one line.
--
-- A block is a stretch of the trainee's schedule ("ICU nights", "leave"), both ends included.
-- One that pauses cadence stops the overdue clock of the mentors it applies to: every mentor, or
-- the chosen ones in `block_mentors`.

CREATE TABLE templates (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    description  TEXT    NOT NULL DEFAULT '',
    body         TEXT    NOT NULL DEFAULT '',
    takeaways    TEXT    NOT NULL DEFAULT '',
    builtin_key  TEXT    UNIQUE,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);

-- The template a new note with this mentor starts from; forgetting it when the template goes.
ALTER TABLE mentors ADD COLUMN default_template_id INTEGER
    REFERENCES templates (id) ON DELETE SET NULL;

CREATE TABLE blocks (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    starts_on       TEXT    NOT NULL,
    ends_on         TEXT    NOT NULL CHECK (ends_on >= starts_on),
    pauses_cadence  INTEGER NOT NULL DEFAULT 1,
    all_mentors     INTEGER NOT NULL DEFAULT 1,
    note            TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
);
CREATE INDEX blocks_time ON blocks (starts_on, ends_on);

CREATE TABLE block_mentors (
    block_id   INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
    mentor_id  INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    PRIMARY KEY (block_id, mentor_id)
) WITHOUT ROWID;
CREATE INDEX block_mentors_mentor ON block_mentors (mentor_id);
