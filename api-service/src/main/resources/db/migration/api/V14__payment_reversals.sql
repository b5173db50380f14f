-- A settled payment reversed at the provider (refund, chargeback, deny after settlement) is compensated: the wallet
-- gives back what it can in the transaction that moves the payment to REVERSED, never below zero (wallets' own
-- CHECK), and what it cannot is recorded here as the shortfall the user owes (docs/payments.md).
CREATE TABLE payment_reversals (
    id              UUID PRIMARY KEY,
    payment_id      UUID           NOT NULL REFERENCES payments (id),
    top_up_id       UUID           NOT NULL REFERENCES top_ups (id),
    wallet_id       UUID           NOT NULL REFERENCES wallets (id),
    provider_status VARCHAR(32)    NOT NULL,
    amount          NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    debited         NUMERIC(15, 2) NOT NULL CHECK (debited >= 0 AND debited <= amount),
    shortfall       NUMERIC(15, 2) GENERATED ALWAYS AS (amount - debited) STORED,
    balance_after   NUMERIC(15, 2) NOT NULL CHECK (balance_after >= 0),
    wallet_version  BIGINT         NOT NULL,
    created_at      TIMESTAMPTZ    NOT NULL,
    -- One compensation per payment, whatever delivers the news twice.
    CONSTRAINT payment_reversals_payment_uq UNIQUE (payment_id),
    CONSTRAINT payment_reversals_wallet_version_uq UNIQUE (wallet_id, wallet_version)
);

CREATE INDEX payment_reversals_shortfall_idx ON payment_reversals (created_at) WHERE shortfall > 0;

GRANT SELECT, INSERT ON payment_reversals TO wallet_api;

-- What a partial refund or chargeback took back (Midtrans's refund_amount); empty when the whole payment was.
ALTER TABLE payment_notifications ADD COLUMN reversed_amount NUMERIC(15, 2);
