#!/usr/bin/env bash
# Runs once, when the postgres container initialises its data directory (docker-entrypoint-initdb.d), as the owner
# (POSTGRES_USER), who owns the wallet database and runs the api-service's migrations. It gives each service a login
# role of its own; the api-service's migration V6__least_privilege_roles.sql grants them what they need, no more:
#   wallet_api        the api-service
#   wallet_relay      the outbox-relay; REPLICATION only when RELAY_MODE is cdc or hybrid, for the CDC mode's slot
#                     (with it the role could read every change of the database, password hashes included, and a
#                     slot it made would hold WAL). A later change of mode: ALTER ROLE wallet_relay [NO]REPLICATION.
#   wallet_reconcile  the ledger's reconcile command, reading the wallets
#   ledger_owner      owner of the ledger database and its tables: runs the ledger's migrations (SPRING_FLYWAY_USER)
#                     and replay, whose swap moves tables; nothing in the wallet database
#   ledger            the ledger-service, a member of ledger_runtime, to which the ledger's migration
#                     V8__runtime_role.sql grants appending to the book and keeping the projections, no more (not the
#                     owner: an owner may disable the append-only triggers, truncate, alter and drop)
#   replicator        the standby's (profile standby, deploy/postgres/start-node.sh): REPLICATION, for its base
#                     backup and its stream, and a line of its own in pg_hba.conf; made whether or not a standby runs,
#                     so that one can be added later. It can read every change of the cluster: its password is a secret
set -euo pipefail

case "${RELAY_MODE:-polling}" in
  cdc | hybrid) relay_replication=REPLICATION ;;
  *) relay_replication=NOREPLICATION ;;
esac

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname wallet \
  -v api_password="$WALLET_API_DB_PASSWORD" \
  -v relay_password="$WALLET_RELAY_DB_PASSWORD" \
  -v reconcile_password="$WALLET_RECONCILE_DB_PASSWORD" \
  -v ledger_password="$LEDGER_DB_PASSWORD" \
  -v ledger_owner_password="$LEDGER_OWNER_DB_PASSWORD" \
  -v replication_password="${POSTGRES_REPLICATION_PASSWORD:?set POSTGRES_REPLICATION_PASSWORD}" \
  -v relay_replication="$relay_replication" <<'SQL'
CREATE ROLE wallet_api LOGIN PASSWORD :'api_password';
CREATE ROLE wallet_relay LOGIN :relay_replication PASSWORD :'relay_password';
CREATE ROLE wallet_reconcile LOGIN PASSWORD :'reconcile_password';
CREATE ROLE ledger_owner LOGIN PASSWORD :'ledger_owner_password';
CREATE ROLE ledger_runtime NOLOGIN;
CREATE ROLE ledger LOGIN PASSWORD :'ledger_password' IN ROLE ledger_runtime;
CREATE ROLE replicator LOGIN REPLICATION PASSWORD :'replication_password';
CREATE DATABASE ledger OWNER ledger_owner;
REVOKE ALL ON DATABASE wallet FROM PUBLIC;
GRANT CONNECT ON DATABASE wallet TO wallet_api, wallet_relay, wallet_reconcile;
REVOKE ALL ON DATABASE ledger FROM PUBLIC;
GRANT CONNECT ON DATABASE ledger TO ledger;
SQL

# Replication connections match no database in pg_hba.conf, not even "all": the standby's needs a line of its own
# (read when the server starts after these scripts). Its slot synchronisation connects to the database postgres as an
# ordinary client, which the image's "host all all all" line lets in with the password.
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
