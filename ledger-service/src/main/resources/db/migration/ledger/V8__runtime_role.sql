-- Least privilege: the ledger-service runs as a role that can append to the book and keep its projections, and
-- nothing more; the owner (whoever runs Flyway: spring.flyway.user, and replay, whose swap moves tables) owns every
-- table. Owning them is what made the append-only triggers a formality: an owner may disable or drop a trigger, and
-- TRUNCATE, ALTER and DROP are an owner's. The role is created here, without LOGIN, unless it exists; a deployment
-- makes its login role a member (deploy/postgres/10-roles-and-databases.sh for compose). Creating it needs CREATEROLE
-- of the owner. These grants run again in a replay's rebuild schema, so the tables a replay swaps in carry them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_runtime') THEN
        CREATE ROLE ledger_runtime NOLOGIN;
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO ledger_runtime;
GRANT SELECT, INSERT ON processed_events, audit_log, ledger_entries TO ledger_runtime;
GRANT SELECT, INSERT, UPDATE ON wallet_balances TO ledger_runtime;
GRANT SELECT, INSERT, UPDATE, DELETE ON sequence_gaps TO ledger_runtime;
GRANT SELECT, INSERT, UPDATE ON replay_progress TO ledger_runtime;
GRANT SELECT, INSERT ON public.operator_set_asides TO ledger_runtime;
