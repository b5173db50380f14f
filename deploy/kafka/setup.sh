#!/usr/bin/env bash
# Run once the compose broker is healthy (docker-compose.yml, service kafka-setup), as admin, at every `up`: sets the
# SCRAM passwords of the relay, the ledger and the read-only reader from the environment (so changing one in .env
# and running `up` again rotates it), then grants what acls.conf says. Both are idempotent.
set -euo pipefail
bootstrap=kafka:29092
admin=/tmp/kafka-setup/admin.properties
mkdir -p /tmp/kafka-setup
chmod 700 /tmp/kafka-setup
cat >"$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}";
PROPERTIES

for user in relay ledger reader; do
  variable="KAFKA_$(tr '[:lower:]' '[:upper:]' <<<"$user")_PASSWORD"
  password=${!variable:?set $variable}
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-512=[password=$password]" >/dev/null
  echo "kafka-setup: SCRAM credentials of $user set"
done

grep -vE '^[[:space:]]*(#|$)' /opt/deploy/kafka/acls.conf | while read -r user type name pattern operations; do
  arguments=(--bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "User:$user"
    "--$type" "$name" --resource-pattern-type "$pattern")
  for operation in ${operations//,/ }; do
    arguments+=(--operation "$operation")
  done
  /opt/kafka/bin/kafka-acls.sh "${arguments[@]}" >/dev/null
  echo "kafka-setup: $user may $operations on $type $name ($pattern)"
done
