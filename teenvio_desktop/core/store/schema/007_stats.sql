-- Statistics pulled from TEA Lite: responses, bounces, interactions, unsubscribes.
-- Each event is stored once: a UNIQUE natural key (the server's own identifiers and
-- timestamps) lets repeated, overlapping syncs insert with ON CONFLICT DO NOTHING.
-- Nothing received is dropped: known fields go to columns (types are kept verbatim, known
-- or not), any other field goes to ``extra`` as JSON.
-- ``campaign_id`` links to the local campaign when known; ``outbox_id`` to the message.
-- Timestamps ``event_time`` are the API's YYYYMMDDHHMMSS (UTC), which sort as text.
-- ``seq`` numbers entries that are identical in every field within one answer (two opens
-- of one message in the same second are two opens), so the key still tells them apart.

CREATE TABLE stats_responses (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
    source_system TEXT NOT NULL DEFAULT '',
    campaign_ref  TEXT NOT NULL DEFAULT '',
    message_id    TEXT NOT NULL DEFAULT '',
    recipient     TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL DEFAULT '',
    error_code    TEXT NOT NULL DEFAULT '',
    error_text    TEXT NOT NULL DEFAULT '',
    event_time    TEXT NOT NULL DEFAULT '',
    outbox_id     INTEGER,
    extra         TEXT,            -- JSON of the fields without a column; NULL when none
    seq           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_system, campaign_ref, message_id, recipient, type, event_time, seq)
);
CREATE INDEX stats_responses_campaign ON stats_responses (campaign_id, type);

CREATE TABLE stats_bounces (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    source_system TEXT NOT NULL DEFAULT '',
    message_id    TEXT NOT NULL DEFAULT '',
    recipient     TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL DEFAULT '',
    error_code    TEXT NOT NULL DEFAULT '',
    error_text    TEXT NOT NULL DEFAULT '',
    event_time    TEXT NOT NULL DEFAULT '',
    outbox_id     INTEGER,
    extra         TEXT,            -- JSON of the fields without a column; NULL when none
    seq           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_system, message_id, recipient, type, event_time, seq)
);
CREATE INDEX stats_bounces_campaign ON stats_bounces (campaign_id, type);
CREATE INDEX stats_bounces_message ON stats_bounces (source_system, message_id);

CREATE TABLE stats_interactions (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
    source_system TEXT NOT NULL DEFAULT '',
    id_campaign   TEXT NOT NULL DEFAULT '',
    id_message    TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    type          TEXT NOT NULL DEFAULT '',   -- OPEN, CLICK, or whatever the server sends
    event_time    TEXT NOT NULL DEFAULT '',
    link          TEXT NOT NULL DEFAULT '',
    link_name     TEXT NOT NULL DEFAULT '',
    ip            TEXT NOT NULL DEFAULT '',
    outbox_id     INTEGER,
    extra         TEXT,            -- JSON of the fields without a column; NULL when none
    seq           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (id_campaign, id_message, email, type, event_time, link, seq)
);
CREATE INDEX stats_interactions_campaign ON stats_interactions (campaign_id, type, event_time);

CREATE TABLE stats_unsubscribes (
    id            INTEGER PRIMARY KEY,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
    source_system TEXT NOT NULL DEFAULT '',
    recipient     TEXT NOT NULL DEFAULT '',
    id_campaign   TEXT NOT NULL DEFAULT '',
    id_message    TEXT NOT NULL DEFAULT '',
    date_request  TEXT NOT NULL DEFAULT '',
    outbox_id     INTEGER,
    extra         TEXT,            -- JSON of the fields without a column; NULL when none
    seq           INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_system, recipient, id_campaign, id_message, date_request, seq)
);
CREATE INDEX stats_unsubscribes_campaign ON stats_unsubscribes (campaign_id);

-- How far each feed has been read. ``scope`` is 'campaign:<id>' (the form used now; the
-- column leaves room for feeds tracked per source system or account).
CREATE TABLE stats_sync_state (
    scope         TEXT NOT NULL,
    endpoint      TEXT NOT NULL,
    campaign_id   INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
    synced_until  TEXT,            -- YYYYMMDDHHMMSS UTC: end of the last complete window
    last_sync_at  TEXT,            -- ISO 8601 UTC of the last successful sync
    last_error    TEXT,
    last_error_at TEXT,
    PRIMARY KEY (scope, endpoint)
);

-- Every bounce of a campaign: /bounces entries, plus the Hard/Soft entries of /responses
-- for messages /bounces did not (yet) report. ``id`` is negative for the latter.
CREATE VIEW stats_bounce_view AS
    SELECT id, campaign_id, source_system, message_id, recipient, type, error_code,
           error_text, event_time, 'bounces' AS feed
      FROM stats_bounces
    UNION ALL
    SELECT -r.id, r.campaign_id, r.source_system, r.message_id, r.recipient, r.type,
           r.error_code, r.error_text, r.event_time, 'responses'
      FROM stats_responses AS r
     WHERE lower(r.type) IN ('hard', 'soft')
       AND NOT EXISTS (
           SELECT 1 FROM stats_bounces AS b
            WHERE b.source_system = r.source_system AND b.message_id = r.message_id
              AND lower(b.recipient) = lower(r.recipient) AND lower(b.type) = lower(r.type));

-- Linking /bounces entries (and the pane's per-message lookups) by TEA Lite messageId.
CREATE INDEX stats_outbox_message ON outbox_messages (message_id);
