-- Preferences that belong to the journal (and so travel with it, encrypted): one row per key.
CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
