package com.outboxwallet.local;

import java.nio.file.Path;
import java.util.Map;

/** The local run's ports and data directory, each overridable by an environment variable. */
record LocalStackSettings(
        int postgresPort,
        int kafkaPort,
        int redisPort,
        int apiPort,
        int relayPort,
        int ledgerPort,
        int paymentSimulatorPort,
        Path dataDir) {

    /** The payment simulator's server key: the local profile's (api-service-local.yml), a demo credential. */
    static final String PAYMENT_SIMULATOR_KEY = "SB-Mid-server-local-simulator";

    static LocalStackSettings from(Map<String, String> env) {
        return new LocalStackSettings(
                port(env, "LOCAL_POSTGRES_PORT", 15432),
                port(env, "LOCAL_KAFKA_PORT", 9092),
                port(env, "LOCAL_REDIS_PORT", 16379),
                port(env, "API_PORT", 8080),
                port(env, "RELAY_PORT", 8081),
                port(env, "LEDGER_PORT", 8082),
                port(env, "LOCAL_PAYMENT_SIMULATOR_PORT", 18090),
                Path.of(env.getOrDefault("LOCAL_DATA_DIR", ".local-data")).toAbsolutePath());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65535, not '" + value + "'");
        }
    }
}
