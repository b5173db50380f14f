package com.outboxwallet.infra;

import java.nio.file.Path;

/** Child-process entry point for the stale-server test: starts PostgreSQL, reports, and waits to be SIGKILLed. */
public final class PostgresThatGetsKilled {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, Path.of(args[0]), true);
        System.out.println("READY " + postgres.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
