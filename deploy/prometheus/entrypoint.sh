#!/bin/sh
# The prometheus service's entry point (docker-compose.yml): Prometheus's configuration cannot read environment
# variables, so this writes the scrape credentials compose passes in to files that prometheus.yml names, then runs
# Prometheus with the service's command-line arguments.
#   /run/scrape-credentials   a tmpfs (memory only, gone with the container), mode 0600 files owned by Prometheus's
#                             user (nobody), who runs this script
# The variables are removed from Prometheus's own environment; `docker inspect` still shows them, as it shows the
# services' secrets.
set -eu
dir=/run/scrape-credentials
umask 077
printf '%s' "${WALLET_METRICS_PASSWORD:?set WALLET_METRICS_PASSWORD in .env}" >"$dir/api-metrics-password"
printf '%s' "${LEDGER_METRICS_PASSWORD:?set LEDGER_METRICS_PASSWORD in .env}" >"$dir/ledger-metrics-password"
unset WALLET_METRICS_PASSWORD LEDGER_METRICS_PASSWORD
exec /bin/prometheus "$@"
