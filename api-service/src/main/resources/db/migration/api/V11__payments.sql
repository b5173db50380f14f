-- Funded top-ups (docs/payments.md): a user asks, the wallet opens a payment at a payment provider, and only the
-- provider's settlement credits the wallet. The payment's state moves only by guarded UPDATEs
-- (... WHERE state IN (...)); the constraints below are what make a settlement credit at most once.

CREATE TABLE payments (
    id                      UUID PRIMARY KEY,
    user_id                 UUID           NOT NULL REFERENCES users (id),
    wallet_id               UUID           NOT NULL REFERENCES wallets (id),
    idempotency_key         VARCHAR(255)   NOT NULL,
    request_fingerprint     CHAR(64)       NOT NULL,
    amount                  NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency                CHAR(3)        NOT NULL,
    method                  VARCHAR(32)    NOT NULL,
    provider                VARCHAR(32)    NOT NULL,
    -- Our id at the provider (Midtrans's order_id): the provider refuses a second payment with it, so a call whose
    -- answer was lost is found again, never repeated.
    provider_order_id       VARCHAR(50)    NOT NULL,
    provider_transaction_id VARCHAR(100),
    -- REQUESTED: recorded, the provider not yet heard from; PENDING: opened, waiting to be paid; SETTLED: paid and
    -- credited; EXPIRED; FAILED (denied, cancelled); REVERSED (refunded, charged back after settlement); HELD: paid
    -- at the provider but not credited (held_reason says why), for an operator.
    state                   VARCHAR(16)    NOT NULL
        CHECK (state IN ('REQUESTED', 'PENDING', 'SETTLED', 'EXPIRED', 'FAILED', 'REVERSED', 'HELD')),
    bank                    VARCHAR(16),
    virtual_account         VARCHAR(64),
    qr_string               TEXT,
    expires_at              TIMESTAMPTZ,
    settled_amount          NUMERIC(15, 2),
    -- Settled after the wallet had expired or failed it: money that really arrived is credited, and flagged.
    paid_late               BOOLEAN        NOT NULL DEFAULT FALSE,
    held_reason             VARCHAR(200),
    created_at              TIMESTAMPTZ    NOT NULL,
    updated_at              TIMESTAMPTZ    NOT NULL,
    CONSTRAINT payments_user_key_uq UNIQUE (user_id, idempotency_key),
    CONSTRAINT payments_order_uq UNIQUE (provider, provider_order_id),
    CONSTRAINT payments_transaction_uq UNIQUE (provider, provider_transaction_id)
);

CREATE INDEX payments_user_created_idx ON payments (user_id, created_at DESC);
-- The reconciliation reads only the payments still open.
CREATE INDEX payments_open_idx ON payments (expires_at) WHERE state IN ('REQUESTED', 'PENDING');

-- The top-up a settlement made names its payment, in the transaction that moved the payment to SETTLED: one payment
-- credits one top-up at most, whatever runs the settlement twice.
ALTER TABLE top_ups ADD COLUMN payment_id UUID REFERENCES payments (id);
ALTER TABLE top_ups ADD CONSTRAINT top_ups_payment_uq UNIQUE (payment_id);

-- The provider's notifications, recorded (verified, as read) before they are processed: the provider is answered
-- as soon as the news is safe, and a process that dies before applying it leaves the row for the next one. The same
-- news twice is one row.
CREATE TABLE payment_notifications (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider        VARCHAR(32)    NOT NULL,
    dedupe_key      VARCHAR(300)   NOT NULL,
    order_id        VARCHAR(50)    NOT NULL,
    transaction_id  VARCHAR(100),
    provider_status VARCHAR(32)    NOT NULL,
    outcome         VARCHAR(16)    NOT NULL,
    amount          NUMERIC(15, 2) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    body            TEXT           NOT NULL,
    received_at     TIMESTAMPTZ    NOT NULL,
    processed_at    TIMESTAMPTZ,
    result          VARCHAR(32),
    CONSTRAINT payment_notifications_uq UNIQUE (provider, dedupe_key)
);

CREATE INDEX payment_notifications_unprocessed_idx ON payment_notifications (id) WHERE processed_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON payments, payment_notifications TO wallet_api;
