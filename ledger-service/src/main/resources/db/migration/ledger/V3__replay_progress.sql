-- A replay's own progress through the topic, kept beside the tables it rebuilds (ledger_rebuild.replay_progress), so an
-- interrupted replay resumes where it was. It moves into the live schema with the rest of the rebuild, where it then
-- records what the live ledger was last rebuilt from; the live service never writes it.
CREATE TABLE replay_progress (
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INT          NOT NULL,
    -- Every record from from_offset up to (excluding) next_offset has been applied to these tables.
    from_offset     BIGINT       NOT NULL,
    next_offset     BIGINT       NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition)
);
