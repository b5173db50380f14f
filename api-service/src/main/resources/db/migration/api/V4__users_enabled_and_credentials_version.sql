-- Accounts can be disabled and re-passworded. Every such change bumps credentials_version, so a principal verified
-- before it (in a cache, in a session) is known to be stale, and stamps credentials_changed_at, by which every
-- instance finds the changes it has not seen yet.

ALTER TABLE users
    ADD COLUMN enabled                BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN credentials_version    BIGINT      NOT NULL DEFAULT 0 CHECK (credentials_version >= 0),
    ADD COLUMN credentials_changed_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE INDEX users_credentials_changed_idx ON users (credentials_changed_at);
