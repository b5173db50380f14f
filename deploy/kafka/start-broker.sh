#!/usr/bin/env bash
# The compose broker's entrypoint (docker-compose.yml, service kafka, in the apache/kafka image): completes
# server.properties with the broker's own login, formats the log directory on the first start with the admin user's
# SCRAM credentials in the cluster's metadata (the other users are setup.sh's, made by admin), writes the admin's
# client settings for the health check and setup.sh, and starts Kafka.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"
: "${KAFKA_CLUSTER_ID:?set KAFKA_CLUSTER_ID}"
case "$KAFKA_ADMIN_PASSWORD" in *'"'* | *'\'*)
  echo "KAFKA_ADMIN_PASSWORD may not contain a double quote or a backslash (it goes into a JAAS line)" >&2
  exit 2 ;;
esac

config=/tmp/kafka/server.properties
mkdir -p /tmp/kafka
chmod 700 /tmp/kafka
cp /opt/deploy/kafka/server.properties "$config"
jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$KAFKA_ADMIN_PASSWORD\";"
echo "listener.name.internal.scram-sha-512.sasl.jaas.config=$jaas" >>"$config"
cat >/tmp/kafka/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$jaas
PROPERTIES

log_dir=$(awk -F= '$1 == "log.dirs" { print $2 }' "$config")
if [ ! -f "$log_dir/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$KAFKA_CLUSTER_ID" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
