#!/usr/bin/env bash
# A compose broker's entrypoint (docker-compose.yml, services kafka-1, kafka-2, kafka-3, in the apache/kafka image):
# completes server.properties with what is this node's own, formats the log directory on the first start with the
# admin user's SCRAM credentials in the cluster's metadata (the other users are setup.sh's, made by admin), writes the
# admin's client settings for the health check and setup.sh, and starts Kafka.
#   start-broker.sh                  start this node
#   start-broker.sh --print-config   print this node's server.properties and exit, writing and starting nothing
# From the environment:
#   KAFKA_NODE_ID              1, 2 or 3: node.id, and the host name kafka-<id> the others reach it at
#   KAFKA_EXTERNAL_PORT        the EXTERNAL listener's port, the same inside the container and on the host's loopback
#   KAFKA_ADMIN_PASSWORD       admin's SCRAM password: the brokers' own login, setup.sh's and the health check's
#   KAFKA_CONTROLLER_PASSWORD  the controller listener's password (SASL/PLAIN, user controller)
#   KAFKA_CLUSTER_ID           the cluster's id, the same on every node (only for formatting)
set -euo pipefail

usage() {
  echo "usage: $0 [--print-config]" >&2
  exit 2
}
print_config=false
case "$#:${1:-}" in
  0:) ;;
  1:--print-config) print_config=true ;;
  *) usage ;;
esac

node_id=${KAFKA_NODE_ID:?set KAFKA_NODE_ID (1, 2 or 3)}
external_port=${KAFKA_EXTERNAL_PORT:?set KAFKA_EXTERNAL_PORT}
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
: "${KAFKA_CONTROLLER_PASSWORD:?set KAFKA_CONTROLLER_PASSWORD}"
case "$node_id" in 1 | 2 | 3) ;; *)
  echo "KAFKA_NODE_ID is $node_id; the voters are nodes 1, 2 and 3 (server.properties)" >&2
  exit 2 ;;
esac
[[ "$external_port" =~ ^[0-9]+$ ]] || { echo "KAFKA_EXTERNAL_PORT is not a port: $external_port" >&2; exit 2; }
for variable in KAFKA_ADMIN_PASSWORD KAFKA_CONTROLLER_PASSWORD; do
  case "${!variable}" in *'"'* | *'\'*)
    echo "$variable may not contain a double quote or a backslash (it goes into a JAAS line)" >&2
    exit 2 ;;
  esac
done

admin_jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$KAFKA_ADMIN_PASSWORD\";"
# The controller listener's one user, as server (user_controller) and as client (username, password): each node both
# accepts the others' connections and makes its own.
controller_jaas="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"controller\" password=\"$KAFKA_CONTROLLER_PASSWORD\" user_controller=\"$KAFKA_CONTROLLER_PASSWORD\";"

config() {
  cat "$(dirname "$0")/server.properties"
  cat <<PROPERTIES

# This node's own (start-broker.sh, from KAFKA_NODE_ID and KAFKA_EXTERNAL_PORT).
node.id=$node_id
listeners=INTERNAL://:29092,EXTERNAL://:$external_port,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka-$node_id:29092,EXTERNAL://localhost:$external_port
listener.name.internal.scram-sha-512.sasl.jaas.config=$admin_jaas
listener.name.controller.plain.sasl.jaas.config=$controller_jaas
PROPERTIES
}

if $print_config; then
  config
  exit 0
fi

: "${KAFKA_CLUSTER_ID:?set KAFKA_CLUSTER_ID}"
config=/tmp/kafka/server.properties
mkdir -p /tmp/kafka
chmod 700 /tmp/kafka
config >"$config"
cat >/tmp/kafka/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$admin_jaas
PROPERTIES

log_dir=$(awk -F= '$1 == "log.dirs" { print $2 }' "$config")
if [ ! -f "$log_dir/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$KAFKA_CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
