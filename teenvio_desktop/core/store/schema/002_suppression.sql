-- Addresses never to send to again: hard bounces and unsubscribes.

CREATE TABLE suppression (
    email      TEXT PRIMARY KEY COLLATE NOCASE,
    reason     TEXT NOT NULL CHECK (reason IN ('hard_bounce', 'unsubscribe', 'manual')),
    detail     TEXT NOT NULL DEFAULT '',
    campaign_id INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    added_at   TEXT NOT NULL
);
