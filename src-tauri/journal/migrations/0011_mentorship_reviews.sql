-- The end-of-rotation and yearly review of the mentorships (issue 18). Only additions.
--
-- A review covers a period and goes through the mentors who were active or paused when it was
-- started, one row each: the decision (keep, refine the agreement, pause, end) and its note (the
-- new agreement, or the private reason). While it is in progress the figures are worked out
-- from the journal each time; completing it applies the decisions to the mentors and keeps the
-- figures it was decided on (`figures`, JSON), so reopening it a year later shows what the
-- trainee saw. The goals carried over are kept with it.

CREATE TABLE mentorship_reviews (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('yearly', 'rotation')),
    title         TEXT    NOT NULL CHECK (length(trim(title)) > 0),
    period_from   TEXT    NOT NULL,
    period_to     TEXT    NOT NULL CHECK (period_to >= period_from),
    closing_note  TEXT    NOT NULL DEFAULT '',
    completed_on  TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);

CREATE TABLE mentorship_review_mentors (
    review_id  INTEGER NOT NULL REFERENCES mentorship_reviews (id) ON DELETE CASCADE,
    mentor_id  INTEGER NOT NULL REFERENCES mentors (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    decision   TEXT    CHECK (decision IN ('keep', 'refine', 'pause', 'end')),
    note       TEXT    NOT NULL DEFAULT '',
    figures    TEXT,
    PRIMARY KEY (review_id, mentor_id)
) WITHOUT ROWID;
CREATE INDEX mentorship_review_mentors_mentor ON mentorship_review_mentors (mentor_id);

CREATE TABLE mentorship_review_goals (
    review_id  INTEGER NOT NULL REFERENCES mentorship_reviews (id) ON DELETE CASCADE,
    goal_id    INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
    PRIMARY KEY (review_id, goal_id)
) WITHOUT ROWID;
CREATE INDEX mentorship_review_goals_goal ON mentorship_review_goals (goal_id);
