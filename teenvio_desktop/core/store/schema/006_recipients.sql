-- Recipient lists: imported members with their merge fields, rejected rows, saved mappings.

CREATE TABLE recipient_lists (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL COLLATE NOCASE,
    columns      TEXT NOT NULL DEFAULT '[]',  -- JSON array: merge-field names, in order
    source       TEXT NOT NULL DEFAULT '',    -- file name or "clipboard"
    state        TEXT NOT NULL DEFAULT 'ready' CHECK (state IN ('importing', 'ready')),
    member_count INTEGER NOT NULL DEFAULT 0,
    stats        TEXT NOT NULL DEFAULT '{}',  -- JSON: the import's counts
    created_at   TEXT NOT NULL,               -- ISO 8601 UTC
    updated_at   TEXT NOT NULL
);
-- Names are unique among finished lists; an import in progress holds a provisional name.
CREATE UNIQUE INDEX recipient_lists_name ON recipient_lists (name) WHERE state = 'ready';

-- pos is dense (0..member_count-1) so the list viewer reads any window by range.
CREATE TABLE recipient_members (
    list_id INTEGER NOT NULL REFERENCES recipient_lists (id) ON DELETE CASCADE,
    pos     INTEGER NOT NULL,
    email   TEXT NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    fields  TEXT NOT NULL DEFAULT '[]',       -- JSON array aligned with recipient_lists.columns
    PRIMARY KEY (list_id, pos)
) WITHOUT ROWID;

CREATE TABLE recipient_rejects (
    id      INTEGER PRIMARY KEY,
    list_id INTEGER NOT NULL REFERENCES recipient_lists (id) ON DELETE CASCADE,
    line    INTEGER NOT NULL,                 -- line (text) or row (spreadsheet), from 1
    reason  TEXT NOT NULL,                    -- code, see core/recipients/rejects.py
    value   TEXT NOT NULL DEFAULT '',         -- the raw address cell
    detail  TEXT NOT NULL DEFAULT '',
    raw     TEXT NOT NULL DEFAULT '[]'        -- JSON array: the whole row as read
);
CREATE INDEX recipient_rejects_list ON recipient_rejects (list_id, line);

CREATE TABLE recipient_mappings (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    signature  TEXT NOT NULL,                 -- the squashed header names it was made for
    mapping    TEXT NOT NULL,                 -- JSON of core.recipients.mapping.ColumnMapping
    created_at TEXT NOT NULL
);
CREATE INDEX recipient_mappings_signature ON recipient_mappings (signature);
