#!/usr/bin/env bash
# The entrypoint of both PostgreSQL nodes (docker-compose.yml, services postgres and postgres-standby, in the
# postgres:17 image), ending in the image's own entrypoint with the node's settings.
#   start-node.sh primary [--print-config]   the primary: initialised by the image (and 10-roles-and-databases.sh)
#   start-node.sh standby [--print-config]   the standby: on its first start a base backup of the primary
# --print-config prints the settings the node would start with, one `-c name=value` a line, and exits, writing and
# starting nothing. From the environment:
#   POSTGRES_SYNCHRONOUS_STANDBY   primary: the standby's name to wait for at each commit; empty (the default): none
#   POSTGRES_REPLICATION_PASSWORD  standby: the password of the role replicator on the primary
#   POSTGRES_PRIMARY_HOST          standby: where the primary is (default postgres)
#   POSTGRES_STANDBY_NAME          standby: its application_name and replication slot on the primary (default standby)
set -euo pipefail

usage() {
  echo "usage: $0 primary|standby [--print-config]" >&2
  exit 2
}
role=${1:-}
print_config=false
case "$#:${2:-}" in
  1:) ;;
  2:--print-config) print_config=true ;;
  *) usage ;;
esac

# Both nodes alike: logical decoding (the CDC relay's slot; a promoted standby must serve it too) and room for WAL
# senders and slots. A slot nobody reads (a CDC relay stopped for good, a slot left behind) holds WAL only up to
# max_slot_wal_keep_size, instead of until the disk is full; past it the slot is invalidated and the relay's CDC mode
# starts over from a snapshot (docs/runbook.md, "CDC mode"). A hot standby needs at least the primary's
# max_wal_senders (and max_connections, the image's default on both).
settings=(wal_level=logical max_wal_senders=10 max_replication_slots=10 max_slot_wal_keep_size=2GB)

case "$role" in
  primary)
    standby=${POSTGRES_SYNCHRONOUS_STANDBY:-}
    if [ -n "$standby" ]; then
      [[ "$standby" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "POSTGRES_SYNCHRONOUS_STANDBY: not a plain name: $standby" >&2; exit 2; }
      # A commit is acknowledged once the standby has it too, and the CDC relay's fail-over slot never gets ahead of
      # the standby's copy of it (docs/runbook.md, "CDC mode"). Without a standby running, commits wait: leave it empty
      # then (the default).
      settings+=("synchronous_standby_names=$standby" "synchronized_standby_slots=$standby")
    fi
    ;;
  standby)
    primary=${POSTGRES_PRIMARY_HOST:-postgres}
    name=${POSTGRES_STANDBY_NAME:-standby}
    [[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "POSTGRES_STANDBY_NAME: not a plain name: $name" >&2; exit 2; }
    # dbname: PostgreSQL 17's slot synchronisation (sync_replication_slots) connects to a database of the primary to
    # copy the fail-over slots; the password is in ~/.pgpass, below, not here.
    settings+=(
      "primary_conninfo=host=$primary port=5432 user=replicator dbname=postgres application_name=$name"
      "primary_slot_name=$name"
      hot_standby=on
      hot_standby_feedback=on
      sync_replication_slots=on)
    ;;
  *) usage ;;
esac

if $print_config; then
  printf -- '-c %s\n' "${settings[@]}"
  exit 0
fi

arguments=()
for setting in "${settings[@]}"; do
  arguments+=(-c "$setting")
done

if [ "$role" = standby ]; then
  : "${POSTGRES_REPLICATION_PASSWORD:?set POSTGRES_REPLICATION_PASSWORD}"
  # The replicator's password for the WAL receiver, the slot synchronisation and pg_basebackup, written at each start
  # (so a new one in .env takes at the next), outside the data directory: ~postgres/.pgpass, where libpq looks.
  escaped=${POSTGRES_REPLICATION_PASSWORD//\\/\\\\}
  escaped=${escaped//:/\\:}
  pgpass=/var/lib/postgresql/.pgpass
  (umask 077 && printf '%s:5432:*:replicator:%s\n' "$primary" "$escaped" >"$pgpass")
  chown postgres:postgres "$pgpass"

  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    # What an interrupted first start left (no PG_VERSION: never a usable cluster) goes, or pg_basebackup refuses
    # the directory.
    mkdir -p "$PGDATA"
    find "$PGDATA" -mindepth 1 -delete
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    echo "start-node: base backup of $primary into $PGDATA, streaming through the slot $name"
    # -R: standby.signal, and the connection settings (which the -c settings above override at every start); -C -S:
    # a physical slot on the primary, made with the backup, so the primary keeps every WAL segment the standby has
    # not yet received. A slot of that name left by an earlier standby is taken over instead. On failure pg_basebackup
    # empties the directory again, and the container's restart tries anew.
    backup=(gosu postgres pg_basebackup -d "host=$primary port=5432 user=replicator dbname=postgres"
      -D "$PGDATA" -R -X stream -S "$name" --checkpoint=fast)
    if ! "${backup[@]}" -C 2>/tmp/basebackup.err; then
      cat /tmp/basebackup.err >&2
      grep -q 'already exists' /tmp/basebackup.err || exit 1
      "${backup[@]}"
    fi
  fi
fi

exec docker-entrypoint.sh postgres "${arguments[@]}"
