#!/usr/bin/env bash
# Run once the three compose brokers are healthy (docker-compose.yml, service kafka-setup), as admin, at every `up`:
# waits until the cluster has all three brokers, makes the topics of topics.conf (three replicas, two in sync), sets
# the SCRAM passwords of the relay, the ledger and the read-only reader from the environment (so changing one in .env
# and running `up` again rotates it), then grants what acls.conf says. Each step is idempotent.
set -euo pipefail
bootstrap=kafka-1:29092,kafka-2:29092,kafka-3:29092
admin=/tmp/kafka-setup/admin.properties
mkdir -p /tmp/kafka-setup
chmod 700 /tmp/kafka-setup
cat >"$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}";
PROPERTIES
bin=/opt/kafka/bin

# Each broker answering its own health check is not yet all three in the cluster's metadata, which a topic with three
# replicas needs: counted as the brokers the metadata lists (one line each, "host:port (id: n ...) -> ...") that
# answered their API versions; for at most two minutes.
brokers=0
for _ in $(seq 60); do
  brokers=$(timeout 30 "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$bootstrap" --command-config "$admin" \
    2>/dev/null | grep -F '(id: ' | grep -vcF ' -> ERROR' || true)
  [ "$brokers" -ge 3 ] && break
  sleep 2
done
if [ "$brokers" -lt 3 ]; then
  echo "kafka-setup: the cluster has $brokers of its 3 brokers after two minutes" >&2
  exit 1
fi
echo "kafka-setup: all 3 brokers are in the cluster"

grep -vE '^[[:space:]]*(#|$)' /opt/deploy/kafka/topics.conf | while read -r topic partitions replicas configs; do
  create=(--bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists --topic "$topic"
    --partitions "$partitions" --replication-factor "$replicas")
  for config in ${configs//,/ }; do
    create+=(--config "$config")
  done
  "$bin/kafka-topics.sh" "${create[@]}" >/dev/null
  # A topic made before (by an older setup, or a service) gets the configs again; its replicas cannot be changed here.
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type topics --entity-name "$topic" --add-config "$configs" >/dev/null
  actual=$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --describe --topic "$topic" \
    | sed -n 's/.*ReplicationFactor: *\([0-9]*\).*/\1/p' | head -n 1)
  if [ "$actual" != "$replicas" ]; then
    echo "kafka-setup: $topic has replication factor ${actual:-unknown}, not $replicas; reassign its partitions" \
      "(kafka-reassign-partitions.sh) or, if it may be lost, delete it and run setup again" >&2
    exit 1
  fi
  echo "kafka-setup: topic $topic: $partitions partitions, $replicas replicas, $configs"
done

for user in relay ledger reader; do
  variable="KAFKA_$(tr '[:lower:]' '[:upper:]' <<<"$user")_PASSWORD"
  password=${!variable:?set $variable}
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=$password]" >/dev/null
  echo "kafka-setup: SCRAM credentials of $user set"
done

grep -vE '^[[:space:]]*(#|$)' /opt/deploy/kafka/acls.conf | while read -r user type name pattern operations; do
  arguments=(--bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "User:$user"
    "--$type" "$name" --resource-pattern-type "$pattern")
  for operation in ${operations//,/ }; do
    arguments+=(--operation "$operation")
  done
  "$bin/kafka-acls.sh" "${arguments[@]}" >/dev/null
  echo "kafka-setup: $user may $operations on $type $name ($pattern)"
done
