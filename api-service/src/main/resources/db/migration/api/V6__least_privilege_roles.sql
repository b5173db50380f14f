-- Least privilege. The migration owner (whoever runs Flyway: spring.flyway.user) owns every table; each service
-- connects as a role that can do what it does and nothing more:
--   wallet_api       reads and writes the accounts, wallets, top-ups and daily totals; only appends to the outbox
--   wallet_relay     reads the outbox, marks rows published and deletes them after retention
--   wallet_reconcile reads wallets (the ledger's reconcile command)
-- None of them can create, alter, drop or truncate anything. The roles are created here, without LOGIN, unless they
-- exist: a deployment gives them LOGIN and a password (or makes its login roles members of them) beforehand, as
-- deploy/postgres/10-roles.sh does for docker compose. Creating them needs CREATEROLE of the migration owner.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wallet_api') THEN
        CREATE ROLE wallet_api NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wallet_relay') THEN
        CREATE ROLE wallet_relay NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'wallet_reconcile') THEN
        CREATE ROLE wallet_reconcile NOLOGIN;
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO wallet_api, wallet_relay, wallet_reconcile;

GRANT SELECT, INSERT, UPDATE ON users, wallets, top_ups, daily_top_up_totals TO wallet_api;
GRANT INSERT ON outbox TO wallet_api;

GRANT SELECT, DELETE ON outbox TO wallet_relay;
GRANT UPDATE (published_at) ON outbox TO wallet_relay;

GRANT SELECT ON wallets TO wallet_reconcile;
