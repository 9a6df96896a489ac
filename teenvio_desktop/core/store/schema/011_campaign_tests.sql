-- Test sends are campaigns too (each has its outcome and statistics), marked as tests so
-- that Results can tell them apart and hide them.

ALTER TABLE campaigns ADD COLUMN is_test INTEGER NOT NULL DEFAULT 0;
