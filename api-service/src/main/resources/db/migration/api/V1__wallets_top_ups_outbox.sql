-- Users, their wallets, the top-ups that changed them, and the transactional outbox the relay publishes from.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT users_username_uq UNIQUE (username)
);

CREATE TABLE wallets (
    id         UUID PRIMARY KEY,
    user_id    UUID          NOT NULL REFERENCES users (id),
    currency   CHAR(3)       NOT NULL,
    balance    NUMERIC(15, 2) NOT NULL DEFAULT 0 CHECK (balance >= 0),
    -- Grows by exactly one per top-up; it is the per-wallet sequence number of the wallet's events.
    version    BIGINT        NOT NULL DEFAULT 0 CHECK (version >= 0),
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT wallets_user_uq UNIQUE (user_id)
);

CREATE TABLE top_ups (
    id                  UUID PRIMARY KEY,
    user_id             UUID           NOT NULL REFERENCES users (id),
    wallet_id           UUID           NOT NULL REFERENCES wallets (id),
    idempotency_key     VARCHAR(255)   NOT NULL,
    -- SHA-256 of the request that used the key: the same key with another request is refused.
    request_fingerprint CHAR(64)       NOT NULL,
    amount              NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    currency            CHAR(3)        NOT NULL,
    balance_after       NUMERIC(15, 2) NOT NULL,
    wallet_version      BIGINT         NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    -- The final guard of idempotency: whatever Redis remembers, one key credits one user once.
    CONSTRAINT top_ups_user_key_uq UNIQUE (user_id, idempotency_key),
    -- One top-up per wallet version: sequence numbers can neither repeat nor be shared.
    CONSTRAINT top_ups_wallet_version_uq UNIQUE (wallet_id, wallet_version)
);

CREATE INDEX top_ups_user_created_idx ON top_ups (user_id, created_at DESC);

CREATE TABLE outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        UUID         NOT NULL,
    aggregate_type  VARCHAR(64)  NOT NULL,
    aggregate_id    UUID         NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    payload         JSONB        NOT NULL,
    idempotency_key VARCHAR(255),
    sequence        BIGINT       NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ,
    CONSTRAINT outbox_event_id_uq UNIQUE (event_id)
);

-- The relay only ever looks for what is still unpublished.
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
