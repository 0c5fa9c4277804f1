-- The first schema: mentors, just enough to prove the encrypted round trip.
-- Later migrations only add (columns with defaults, tables, indexes); nothing is dropped once released.
CREATE TABLE mentors (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);

CREATE INDEX mentors_name ON mentors (name COLLATE NOCASE);
