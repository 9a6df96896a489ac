-- Recipient members stored in blocks of up to 256, a few packed values per block instead of
-- one row per member: a million members are a few thousand rows, cheap to write and to
-- read in windows (see core/recipients/blocks.py for the packed forms). Existing lists are
-- carried over in the JSON form; lists left half-imported by a crash are dropped.

DELETE FROM recipient_lists WHERE state = 'importing';

CREATE TABLE recipient_blocks (
    id       INTEGER PRIMARY KEY,
    list_id  INTEGER NOT NULL REFERENCES recipient_lists (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,            -- order of the blocks within the list
    count    INTEGER NOT NULL,            -- members in the block (0 once all are deleted)
    emails   TEXT NOT NULL,               -- packed: normalised addresses
    names    TEXT NOT NULL,               -- packed: recipient names
    cells    TEXT NOT NULL,               -- packed rows: the list's columns, in order
    smtputf8 TEXT NOT NULL DEFAULT ''     -- offsets in the block of members whose address has
                                          -- a non-ASCII local part (need SMTPUTF8)
);
CREATE UNIQUE INDEX recipient_blocks_order ON recipient_blocks (list_id, seq);
-- Where each position is (the viewer's windows) is read from the counts alone: this index
-- covers that query, so the blocks' large rows are not touched.
CREATE INDEX recipient_blocks_counts ON recipient_blocks (list_id, seq, count);

-- Old positions are dense (0..n-1), so pos / 256 is the block and pos % 256 the offset.
INSERT INTO recipient_blocks (list_id, seq, count, emails, names, cells, smtputf8)
SELECT list_id, block, members, 'J' || emails, 'J' || names, 'J' || cells, coalesce(utf8, '')
FROM (
    SELECT
        list_id,
        pos / 256 AS block,
        pos % 256 AS offset,
        count(*) OVER block_rows AS members,
        json_group_array(email) OVER block_rows AS emails,
        json_group_array(trim(name, ' ' || char(9, 10, 13))) OVER block_rows AS names,
        json_group_array(json(fields)) OVER block_rows AS cells,
        -- the local part (before the last "@") is not ASCII when its UTF-8 is longer
        group_concat(
            CASE
                WHEN length(CAST(rtrim(email, replace(email, '@', '')) AS BLOB))
                    != length(rtrim(email, replace(email, '@', '')))
                THEN pos % 256
            END,
            ' '
        ) OVER block_rows AS utf8
    FROM recipient_members
    WINDOW block_rows AS (
        PARTITION BY list_id, pos / 256 ORDER BY pos
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    )
)
WHERE offset = 0;

DROP TABLE recipient_members;

-- Who is importing a list (host:pid) and when it last wrote: a list whose importer is gone
-- is removed at the next start instead of lingering half-imported.
ALTER TABLE recipient_lists ADD COLUMN importer TEXT NOT NULL DEFAULT '';
ALTER TABLE recipient_lists ADD COLUMN heartbeat TEXT NOT NULL DEFAULT '';
-- Bumped at every change of a list's members (the viewer's block cache keys on it).
ALTER TABLE recipient_lists ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
-- The columns mapped to the address and the name ('' when none): edits keep those merge
-- fields in step with the member's address and name.
ALTER TABLE recipient_lists ADD COLUMN email_column TEXT NOT NULL DEFAULT '';
ALTER TABLE recipient_lists ADD COLUMN name_column TEXT NOT NULL DEFAULT '';
