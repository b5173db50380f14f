package com.outboxwallet.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The statements PostgreSQL ran, as {@code pg_stat_statements} counts them (the embedded server preloads it): calls and
 * execution time by database and statement text (it misses many BEGINs and COMMITs, a JDBC client's COMMIT
 * always). The benchmark's own checks run as a role
 * of their own, {@link #OBSERVER}, and are left out.
 */
final class SqlStatements {

    /** The role the benchmark's own connections log in as, so that their statements are not counted as the stack's. */
    static final String OBSERVER = "benchmark_observer";

    private static final String STATEMENTS = """
            SELECT d.datname || ': ' || left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160) AS statement,
                   sum(s.calls) AS calls, sum(s.total_exec_time) AS millis,
                   sum(s.wal_bytes) AS wal_bytes, sum(s.wal_fpi) AS wal_fpi
              FROM pg_stat_statements s
              JOIN pg_database d ON d.oid = s.dbid
             WHERE s.userid <> (SELECT oid FROM pg_roles WHERE rolname = :observer)
             GROUP BY 1""";

    /** Calls, milliseconds of execution and the WAL (bytes, full-page images) of one statement. */
    record Count(long calls, double millis, long walBytes, long walFpi) {}

    /** All the WAL the server wrote, statements or not (commits, vacuum, checkpoints): {@code pg_stat_wal}. */
    record Wal(long records, long fullPageImages, long bytes) {}

    private final DatabaseConnection postgres;

    /** @param postgres the server's {@code postgres} database, as {@link #OBSERVER} */
    SqlStatements(DatabaseConnection postgres) {
        this.postgres = postgres;
        postgres.jdbc().sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
    }

    /**
     * Makes the observer role (a superuser of the local server: it reads every table the benchmark checks) unless it
     * is there, over a connection of the server's own user.
     */
    static void createObserver(DatabaseConnection asOwner) {
        asOwner.jdbc().sql("""
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s LOGIN SUPERUSER;
                          END IF;
                        END $$""".formatted(OBSERVER, OBSERVER)).update();
    }

    /** Every statement so far, by {@code database: text}. */
    Map<String, Count> counts() {
        Map<String, Count> counts = new HashMap<>();
        postgres.jdbc()
                .sql(STATEMENTS)
                .param("observer", OBSERVER)
                .query((rs, n) -> counts.put(
                        rs.getString("statement"),
                        new Count(
                                rs.getLong("calls"),
                                rs.getDouble("millis"),
                                rs.getLong("wal_bytes"),
                                rs.getLong("wal_fpi"))))
                .list();
        return counts;
    }

    /** Each client session's {@code application_name}, by backend pid, where it set one. */
    Map<Long, String> applications() {
        Map<Long, String> applications = new HashMap<>();
        postgres.jdbc()
                .sql("SELECT pid, application_name FROM pg_stat_activity WHERE application_name <> ''")
                .query((rs, n) -> applications.put(rs.getLong("pid"), rs.getString("application_name")))
                .list();
        return applications;
    }

    Wal wal() {
        return postgres.jdbc()
                .sql("SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal")
                .query((rs, n) -> new Wal(rs.getLong("wal_records"), rs.getLong("wal_fpi"), rs.getLong("wal_bytes")))
                .single();
    }
}
