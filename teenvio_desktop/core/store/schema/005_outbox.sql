-- The TEA Lite outbox: one row per personalised message, written before any network call.
-- The rendered content is not stored: it is reproducible from the campaign's content
-- snapshot (campaigns.content) and the recipient's merge_data, which keeps a 50,000-message
-- campaign small on disk.

CREATE TABLE outbox_messages (
    id              INTEGER PRIMARY KEY,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,          -- position in the recipient list (1-based)
    outbound_id     TEXT NOT NULL UNIQUE,      -- TEA Lite outboundId: stable across retries
    recipient       TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    merge_data      TEXT NOT NULL DEFAULT '{}', -- JSON: the recipient's columns
    state           TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'accepted', 'retrying', 'failed')),
    message_id      TEXT,                      -- TEA Lite messageId once accepted
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,                      -- ISO 8601 UTC, when retrying
    error_category  TEXT,                      -- server's errorCategory (or a local one)
    error_text      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    accepted_at     TEXT
);
CREATE UNIQUE INDEX outbox_campaign_seq ON outbox_messages (campaign_id, seq);
CREATE UNIQUE INDEX outbox_campaign_recipient
    ON outbox_messages (campaign_id, recipient COLLATE NOCASE);
CREATE INDEX outbox_campaign_state ON outbox_messages (campaign_id, state);
