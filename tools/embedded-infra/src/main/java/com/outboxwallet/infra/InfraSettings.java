package com.outboxwallet.infra;

import java.nio.file.Path;

/**
 * Where the embedded servers listen and keep their data.
 *
 * @param postgresPort 0 picks a free port
 * @param kafkaPort    0 picks a free port
 * @param redisPort    0 picks a free port
 * @param dataDir      parent of the servers' data directories
 * @param durable      keep data across restarts and sync it to disk (local runs); tests trade that for speed
 */
public record InfraSettings(int postgresPort, int kafkaPort, int redisPort, Path dataDir, boolean durable) {

    /** Random ports and a throw-away directory: what tests want. */
    public static InfraSettings ephemeral(Path dataDir) {
        return new InfraSettings(0, 0, 0, dataDir, false);
    }
}
