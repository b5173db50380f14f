-- What the outbox-relay's cdc and hybrid modes need, made by the owner so that the relay's own role needs no more than
-- REPLICATION: the publication of the outbox table (the name is relay.cdc.publication-name's default; Debezium finds
-- it and, as it already publishes exactly the outbox, leaves it alone) and the table where Debezium keeps its
-- position (relay.cdc.offsets-table's default, in Debezium's own layout), owned by wallet_relay. A relay that ran as
-- the owner before has created both already: they are kept, and the table passes to wallet_relay.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_publication WHERE pubname = 'wallet_outbox_relay') THEN
        CREATE PUBLICATION wallet_outbox_relay FOR TABLE outbox;
    END IF;
END $$;

CREATE TABLE IF NOT EXISTS relay_cdc_offsets (
    id                VARCHAR(36) NOT NULL,
    offset_key        VARCHAR(1255),
    offset_val        VARCHAR(1255),
    record_insert_ts  TIMESTAMP   NOT NULL,
    record_insert_seq INTEGER     NOT NULL,
    PRIMARY KEY (id)
);

ALTER TABLE relay_cdc_offsets OWNER TO wallet_relay;
