package com.outboxwallet.bench;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** One connection to a database for a benchmark's own checks: they poll often, so it is opened once, not per query. */
final class DatabaseConnection implements AutoCloseable {

    private final SingleConnectionDataSource dataSource;
    private final JdbcClient jdbc;

    DatabaseConnection(String jdbcUrl) {
        this(jdbcUrl, "postgres");
    }

    /** As {@code user}, whom the local server lets in without a password. */
    DatabaseConnection(String jdbcUrl, String user) {
        dataSource = new SingleConnectionDataSource(jdbcUrl, user, "", true);
        jdbc = JdbcClient.create(dataSource);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        dataSource.destroy();
    }
}
