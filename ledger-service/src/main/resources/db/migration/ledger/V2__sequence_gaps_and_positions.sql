-- Unqualified names on purpose: the same scripts build the live tables and, run with Flyway's default schema set to
-- ledger_rebuild, the fresh tables of a replay (ReplayCommand), so both always have the same DDL.

-- Apply and flag: an event that skips ahead of its wallet's sequence is applied, and each sequence it skipped is
-- recorded here until the late event arrives. A gap is an upstream fault to be seen and alarmed, not a reason to
-- stop the wallet's balance.
CREATE TABLE sequence_gaps (
    wallet_id   UUID        NOT NULL,
    sequence    BIGINT      NOT NULL CHECK (sequence >= 1),
    detected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    filled_at   TIMESTAMPTZ,
    PRIMARY KEY (wallet_id, sequence)
);

-- The gauge and the health check count open gaps on every scrape.
CREATE INDEX sequence_gaps_open_idx ON sequence_gaps (wallet_id, sequence) WHERE filled_at IS NULL;

-- A replay resumes from, and its swap catches up to, the highest offset applied per partition; under the swap's
-- lock this must be an index lookup, not a scan.
CREATE INDEX processed_events_position_idx ON processed_events (topic, kafka_partition, kafka_offset);
