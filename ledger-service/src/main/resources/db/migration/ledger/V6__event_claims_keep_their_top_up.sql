-- A copy of an event is a duplicate only if it says what the applied one said. V5 found the top-up an event id applied
-- through an index on audit_log (event_id); that index costs every applied event a random write into a second
-- B-tree, about a sixth of the ledger's throughput (docs/benchmarks.md). Instead each claimed event id keeps the
-- top-up it was claimed for, so a copy reusing it for another top-up is found by processed_events' primary key.
-- Rows claimed before this migration have none (NULL): their copies are compared by top-up id alone, as before V5.
ALTER TABLE processed_events ADD COLUMN top_up_id UUID;
DROP INDEX IF EXISTS audit_log_event_idx;
