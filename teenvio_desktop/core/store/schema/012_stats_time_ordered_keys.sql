-- Statistics arrive in time order, so their unique keys now begin with ``event_time``:
-- each page's rows land at the end of the key's B-tree instead of at random places in it
-- (the key began with the campaign and message ids, so a sync of a million interactions
-- rewrote pages all over the index and slowed down as the table grew: 10x the rows cost
-- 16 to 22x the time). The keys hold the same columns, so the same rows are unique.
-- SQLite cannot alter a UNIQUE constraint: both tables are rebuilt and their rows carried
-- over; the view reading stats_responses is dropped meanwhile and recreated unchanged.

DROP VIEW stats_bounce_view;

CREATE TABLE stats_interactions_rebuilt (
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
    UNIQUE (event_time, id_campaign, id_message, email, type, link, seq)
);
INSERT INTO stats_interactions_rebuilt (id, campaign_id, source_system, id_campaign, id_message,
    email, type, event_time, link, link_name, ip, outbox_id, extra, seq)
SELECT id, campaign_id, source_system, id_campaign, id_message, email, type, event_time, link,
       link_name, ip, outbox_id, extra, seq
  FROM stats_interactions ORDER BY event_time, id;
DROP TABLE stats_interactions;
ALTER TABLE stats_interactions_rebuilt RENAME TO stats_interactions;
CREATE INDEX stats_interactions_campaign ON stats_interactions (campaign_id, type, event_time);

CREATE TABLE stats_responses_rebuilt (
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
    UNIQUE (event_time, source_system, campaign_ref, message_id, recipient, type, seq)
);
INSERT INTO stats_responses_rebuilt (id, campaign_id, source_system, campaign_ref, message_id,
    recipient, type, error_code, error_text, event_time, outbox_id, extra, seq)
SELECT id, campaign_id, source_system, campaign_ref, message_id, recipient, type, error_code,
       error_text, event_time, outbox_id, extra, seq
  FROM stats_responses ORDER BY event_time, id;
DROP TABLE stats_responses;
ALTER TABLE stats_responses_rebuilt RENAME TO stats_responses;
CREATE INDEX stats_responses_campaign ON stats_responses (campaign_id, type);

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
