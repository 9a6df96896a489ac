-- Foundation: settings, drafts, and the campaigns every transport records.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
);

CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL DEFAULT '',
    payload     TEXT NOT NULL,     -- JSON of the composer's campaign
    is_autosave INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,     -- ISO 8601 UTC
    updated_at  TEXT NOT NULL
);

CREATE TABLE campaigns (
    id               INTEGER PRIMARY KEY,
    transport        TEXT NOT NULL CHECK (transport IN ('smtp', 'rest')),
    account_name     TEXT,
    subject          TEXT NOT NULL DEFAULT '',
    sender           TEXT NOT NULL DEFAULT '',
    sender_name      TEXT NOT NULL DEFAULT '',
    reply_to         TEXT NOT NULL DEFAULT '',
    reply_to_name    TEXT NOT NULL DEFAULT '',
    recipients_count INTEGER NOT NULL DEFAULT 0,
    state            TEXT NOT NULL DEFAULT 'queued',
    teenvio_id       TEXT,         -- SMTP-API: the id in "250 OK id=<n> <hex>"
    smtp_id          TEXT,         -- SMTP-API: the hex identifier after it
    source_system    TEXT,         -- TEA Lite sourceSystem
    campaign_ref     TEXT,         -- TEA Lite campaignId
    content          TEXT,         -- JSON snapshot of what was sent
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    sent_at          TEXT
);
CREATE UNIQUE INDEX campaigns_rest_identity
    ON campaigns (source_system, campaign_ref) WHERE transport = 'rest';
CREATE INDEX campaigns_created ON campaigns (created_at);
