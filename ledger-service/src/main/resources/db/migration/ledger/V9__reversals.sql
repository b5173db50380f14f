-- Reversed funded top-ups (com.outboxwallet.wallet.topup.reversed.v1, docs/events.md): the provider took the money
-- back and the wallet gave back what it could. One row per reversal, append-only like the rest of the book; its
-- debit is in ledger_entries under the reversal's id, its sequence continues the wallet's.
CREATE TABLE ledger_reversals (
    reversal_id             UUID PRIMARY KEY,
    event_id                UUID           NOT NULL REFERENCES processed_events (event_id),
    top_up_id               UUID           NOT NULL,
    wallet_id               UUID           NOT NULL,
    user_id                 UUID           NOT NULL,
    amount                  NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    debited                 NUMERIC(15, 2) NOT NULL CHECK (debited >= 0 AND debited <= amount),
    currency                CHAR(3)        NOT NULL,
    reason                  VARCHAR(32)    NOT NULL,
    payment_id              UUID           NOT NULL,
    provider                VARCHAR(32)    NOT NULL,
    provider_transaction_id VARCHAR(100)   NOT NULL,
    wallet_sequence         BIGINT         NOT NULL,
    occurred_at             TIMESTAMPTZ    NOT NULL,
    recorded_at             TIMESTAMPTZ    NOT NULL DEFAULT now(),
    -- A top-up is reversed once, and a wallet's sequence number is one event's.
    CONSTRAINT ledger_reversals_top_up_uq UNIQUE (top_up_id),
    CONSTRAINT ledger_reversals_sequence_uq UNIQUE (wallet_id, wallet_sequence)
);

CREATE TRIGGER ledger_reversals_append_only BEFORE UPDATE OR DELETE ON ledger_reversals
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_reversals_no_truncate BEFORE TRUNCATE ON ledger_reversals
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON ledger_reversals TO ledger_runtime;
