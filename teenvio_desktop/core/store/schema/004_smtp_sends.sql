-- SMTP-API sends: how each campaign was sent and the outcome of every RCPT TO.
-- The campaign itself (teenvio_id, smtp_id, state, snapshot) is a row of `campaigns`.

CREATE TABLE smtp_sends (
    campaign_id   INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    host          TEXT NOT NULL,
    port          INTEGER NOT NULL,
    security      TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
    user          TEXT NOT NULL,
    contacts_only INTEGER NOT NULL DEFAULT 0,
    message_size  INTEGER NOT NULL DEFAULT 0,
    server_reply  TEXT,                -- the final reply, e.g. "250 OK id=1166 fa88..."
    started_at    TEXT NOT NULL,
    finished_at   TEXT
);

CREATE TABLE smtp_recipients (
    campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    email       TEXT NOT NULL COLLATE NOCASE,
    outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'refused', 'suppressed')),
    code        INTEGER,               -- the RCPT reply code (NULL when not attempted)
    reply       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (campaign_id, email)
) WITHOUT ROWID;
CREATE INDEX smtp_recipients_outcome ON smtp_recipients (campaign_id, outcome);
