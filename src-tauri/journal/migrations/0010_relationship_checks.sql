-- The relationship check (issue 18). Only additions.
--
-- From time to time the mentor page asks three private questions (is this helping me? do we meet
-- as agreed? do I want to continue?), each answered on a scale of 1 to 5; the answers are kept,
-- one row per check, so the page can show them as a trend. How often to ask is the user's choice,
-- per mentor, in weeks; NULL never asks.

ALTER TABLE mentors ADD COLUMN check_every_weeks INTEGER
    CHECK (check_every_weeks IS NULL OR check_every_weeks BETWEEN 1 AND 52);

CREATE TABLE relationship_checks (
    id                 INTEGER PRIMARY KEY,
    mentor_id          INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    answered_on        TEXT    NOT NULL,
    helping            INTEGER NOT NULL CHECK (helping BETWEEN 1 AND 5),
    meeting_as_agreed  INTEGER NOT NULL CHECK (meeting_as_agreed BETWEEN 1 AND 5),
    want_to_continue   INTEGER NOT NULL CHECK (want_to_continue BETWEEN 1 AND 5),
    note               TEXT    NOT NULL DEFAULT '',
    created_at         TEXT    NOT NULL
);
CREATE INDEX relationship_checks_mentor ON relationship_checks (mentor_id, answered_on);
