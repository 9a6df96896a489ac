-- One sender per campaign at a time. A sender holds the campaign's row while it runs and
-- renews ``expires_at`` with a heartbeat; a process that was killed stops renewing, so its
-- lease lapses and the campaign can be resumed. ``holder`` is a random token per sender
-- (two windows of one process are two holders); pid, host and started_at tell the user
-- who is sending.

CREATE TABLE send_leases (
    campaign_id  INTEGER PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    holder       TEXT NOT NULL,
    pid          INTEGER NOT NULL,
    host         TEXT NOT NULL,
    started_at   TEXT NOT NULL,    -- ISO 8601 UTC
    heartbeat_at TEXT NOT NULL,    -- ISO 8601 UTC
    expires_at   TEXT NOT NULL     -- ISO 8601 UTC
);
