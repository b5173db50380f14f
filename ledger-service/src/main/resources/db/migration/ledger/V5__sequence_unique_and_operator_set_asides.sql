-- A wallet's sequence is the wallet's version after the top-up: one top-up per (wallet, sequence). A different top-up
-- that repeats a sequence already applied is a conflict the producer must explain, not a second credit; the consumer
-- sets it aside on the dead-letter topic. The same top-up again is a duplicate and never gets this far (its top_up_id
-- is the arbiter of the insert). Rows recorded before this migration have no sequence and are not compared; a replay
-- rebuilds them with theirs.
ALTER TABLE audit_log ADD COLUMN wallet_sequence BIGINT CHECK (wallet_sequence >= 1);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_wallet_sequence_uq UNIQUE (wallet_id, wallet_sequence);

-- A copy of an event is a duplicate only if it says what the applied one said: the consumer looks the applied top-up
-- up by the event id that applied it.
CREATE INDEX audit_log_event_idx ON audit_log (event_id);

-- Break-glass: a record an operator told the ledger to set aside by its position (dead-letters set-aside), for a
-- record that stalls its partition in a way the consumer's own rules do not catch. The consumer moves it to the
-- dead-letter topic at its next attempt and applies the rest. It is the operators' record, not something rebuilt from
-- the topic, so it lives in the live schema only: a replay (which runs these scripts in its own schema) reads it
-- there and its swap leaves it in place.
-- (Created only where missing, without IF NOT EXISTS, whose notice Flyway would log as a warning at every replay.)
DO $$
BEGIN
    IF to_regclass('public.operator_set_asides') IS NULL THEN
        CREATE TABLE public.operator_set_asides (
            topic           VARCHAR(249) NOT NULL,
            kafka_partition INT          NOT NULL,
            kafka_offset    BIGINT       NOT NULL,
            reason          TEXT         NOT NULL,
            operator        TEXT         NOT NULL,
            set_aside_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
            PRIMARY KEY (topic, kafka_partition, kafka_offset)
        );
    END IF;
END
$$;
