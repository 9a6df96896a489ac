-- TEA Lite does not promise to deduplicate by outboundId, so a POST whose outcome is
-- unknown (the answer was lost after the request was written, a bare 5xx) must never be
-- sent again blindly: it becomes 'uncertain' until /responses settles it or the user
-- re-sends it on purpose. ``last_attempt_at`` is when the last POST started (the
-- reconciliation window is built around it). SQLite cannot alter a CHECK constraint, so
-- the table is rebuilt (no other table references it).

CREATE TABLE outbox_messages_v8 (
    id              INTEGER PRIMARY KEY,
    campaign_id     INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL,          -- position in the recipient list (1-based)
    outbound_id     TEXT NOT NULL UNIQUE,      -- TEA Lite outboundId: stable across retries
    recipient       TEXT NOT NULL,
    recipient_name  TEXT NOT NULL DEFAULT '',
    merge_data      TEXT NOT NULL DEFAULT '{}', -- JSON: the recipient's columns
    state           TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'sending', 'accepted', 'retrying', 'failed', 'uncertain')),
    message_id      TEXT,                      -- TEA Lite messageId once accepted (if given)
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,                      -- ISO 8601 UTC, when retrying
    error_category  TEXT,                      -- server's errorCategory (or a local one)
    error_text      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    accepted_at     TEXT,
    last_attempt_at TEXT                       -- ISO 8601 UTC: the last POST started
);

INSERT INTO outbox_messages_v8 (id, campaign_id, seq, outbound_id, recipient, recipient_name,
    merge_data, state, message_id, attempts, next_attempt_at, error_category, error_text,
    created_at, updated_at, accepted_at, last_attempt_at)
SELECT id, campaign_id, seq, outbound_id, recipient, recipient_name, merge_data, state,
    message_id, attempts, next_attempt_at, error_category, error_text, created_at, updated_at,
    accepted_at, CASE WHEN attempts > 0 THEN updated_at END
FROM outbox_messages;

DROP TABLE outbox_messages;
ALTER TABLE outbox_messages_v8 RENAME TO outbox_messages;

CREATE UNIQUE INDEX outbox_campaign_seq ON outbox_messages (campaign_id, seq);
CREATE UNIQUE INDEX outbox_campaign_recipient
    ON outbox_messages (campaign_id, recipient COLLATE NOCASE);
CREATE INDEX outbox_campaign_state ON outbox_messages (campaign_id, state);
CREATE INDEX stats_outbox_message ON outbox_messages (message_id);
