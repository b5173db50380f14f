-- The ledger-service's own database. Every effect of an event commits in one transaction with the record that the
-- event was processed, so a redelivered event finds its id here and changes nothing.

CREATE TABLE processed_events (
    event_id        UUID PRIMARY KEY,
    event_type      VARCHAR(128) NOT NULL,
    topic           VARCHAR(249) NOT NULL,
    kafka_partition INT          NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The seed's TopUpLog: one row per accepted top-up.
CREATE TABLE audit_log (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID           NOT NULL REFERENCES processed_events (event_id),
    top_up_id       UUID           NOT NULL,
    wallet_id       UUID           NOT NULL,
    user_id         UUID           NOT NULL,
    idempotency_key VARCHAR(255),
    amount          NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL,
    message         TEXT           NOT NULL,
    occurred_at     TIMESTAMPTZ    NOT NULL,
    recorded_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    -- A top-up is recorded once even if it reached the topic under two event ids.
    CONSTRAINT audit_log_top_up_uq UNIQUE (top_up_id),
    CONSTRAINT audit_log_user_key_uq UNIQUE (user_id, idempotency_key)
);

CREATE INDEX audit_log_wallet_idx ON audit_log (wallet_id, occurred_at DESC, id DESC);

-- Double entry: each transaction's lines sum to zero. Positive amounts credit the account, negative debit it.
CREATE TABLE ledger_entries (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id UUID           NOT NULL,
    account        VARCHAR(80)    NOT NULL,
    wallet_id      UUID,
    amount         NUMERIC(15, 2) NOT NULL CHECK (amount <> 0),
    currency       CHAR(3)        NOT NULL,
    occurred_at    TIMESTAMPTZ    NOT NULL,
    recorded_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT ledger_entries_transaction_account_uq UNIQUE (transaction_id, account)
);

CREATE INDEX ledger_entries_wallet_idx ON ledger_entries (wallet_id, id) WHERE wallet_id IS NOT NULL;

CREATE TABLE wallet_balances (
    wallet_id     UUID PRIMARY KEY,
    currency      CHAR(3)        NOT NULL,
    balance       NUMERIC(15, 2) NOT NULL,
    last_sequence BIGINT         NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL
);

-- The ledger and the audit log are append-only: corrections are new entries, never edits.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
