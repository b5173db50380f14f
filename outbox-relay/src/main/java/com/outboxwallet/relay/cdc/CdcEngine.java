package com.outboxwallet.relay.cdc;

import com.outboxwallet.relay.RelayProperties;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.connect.source.SourceRecord;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.core.BaseConnection;
import org.postgresql.util.HostSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

/**
 * One Debezium embedded engine (PostgreSQL, pgoutput) streaming the outbox table's changes into {@link CdcPublisher}.
 * An engine cannot be run twice, so every start builds a new one; it resumes from the offsets kept in PostgreSQL.
 */
class CdcEngine {

    enum State {
        STOPPED,
        RUNNING,
        FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(CdcEngine.class);
    /** Debezium's words when the slot cannot stream from the recorded position. */
    private static final String POSITION_LOST = "no longer available on the server";

    private final CdcPublisher publisher;
    private final DataSourceProperties database;
    private final RelayProperties.Cdc settings;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "relay-cdc");
        thread.setDaemon(true);
        return thread;
    });
    private @Nullable DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile State state = State.STOPPED;
    private volatile Instant failedAt = Instant.MIN;

    CdcEngine(CdcPublisher publisher, DataSourceProperties database, RelayProperties.Cdc settings) {
        this.publisher = publisher;
        this.database = database;
        this.settings = settings;
    }

    State state() {
        return state;
    }

    Instant failedAt() {
        return failedAt;
    }

    synchronized void start() {
        if (state == State.RUNNING) {
            return;
        }
        Properties configuration;
        try {
            configuration = configuration();
        } catch (SQLException e) {
            state = State.FAILED; // the supervisor tries again after its back-off
            failedAt = clock.instant();
            log.warn("CDC engine not started: no primary reachable ({})", e.getMessage());
            return;
        }
        DebeziumEngine<RecordChangeEvent<SourceRecord>> started = DebeziumEngine.create(
                        ChangeEventFormat.of(Connect.class))
                .using(configuration)
                .using((success, message, error) -> finished(success, message, error))
                .notifying(publisher::handleBatch)
                .build();
        engine = started;
        state = State.RUNNING;
        runner.execute(started);
        log.info("CDC engine started on slot {}", settings.slotName());
    }

    synchronized void stop() {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (IOException | IllegalStateException e) {
            log.warn("stopping the CDC engine: {}", e.getMessage());
        }
        engine = null;
        state = State.STOPPED;
    }

    void shutdown() {
        stop();
        runner.shutdownNow();
    }

    private void finished(boolean success, String message, Throwable error) {
        synchronized (this) {
            if (state == State.STOPPED) {
                return; // stopped on purpose
            }
            engine = null;
            state = success ? State.STOPPED : State.FAILED;
            failedAt = clock.instant();
        }
        if (!success) {
            log.warn("CDC engine failed, restarting in {}: {}", settings.restartBackoff(), message, error);
            if (positionLost(message, error)) {
                forgetPosition();
            }
        }
    }

    /**
     * Whether the engine refused to start because the slot no longer has the position it last recorded: the slot
     * was lost (a fail-over before the standby had its copy, an invalidated slot dropped) and made anew further on.
     */
    static boolean positionLost(@Nullable String message, @Nullable Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains(POSITION_LOST)) {
                return true;
            }
        }
        return message != null && message.contains(POSITION_LOST);
    }

    /**
     * Forgets the recorded position, so that the next start streams from where the slot is. Nothing is lost by it:
     * the outbox marks what was published, and the catch-up after each start sends every row still unpublished,
     * oldest first, before the stream's own.
     */
    private void forgetPosition() {
        try (Connection connection = DriverManager.getConnection(
                        database.determineUrl(), database.determineUsername(), database.determinePassword());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + settings.offsetsTable());
            log.warn(
                    "The slot {} no longer holds the position the relay recorded (a fail-over before the standby had"
                            + " its copy, or a slot lost and made anew): the position is forgotten, the next start"
                            + " streams from the slot's and catches up every unpublished row first",
                    settings.slotName());
        } catch (SQLException e) {
            log.warn("Could not forget the CDC position in {}: {}", settings.offsetsTable(), e.getMessage());
        }
    }

    private Properties configuration() throws SQLException {
        HostSpec primary = primary();
        Properties url = Objects.requireNonNull(
                Driver.parseURL(database.determineUrl(), null),
                () -> "not a PostgreSQL URL: " + database.determineUrl());
        Properties config = new Properties();
        config.setProperty("name", "outbox-relay");
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("database.hostname", primary.getHost());
        config.setProperty("database.port", Integer.toString(primary.getPort()));
        config.setProperty("database.dbname", PGProperty.PG_DBNAME.getOrDefault(url));
        config.setProperty("database.user", database.determineUsername());
        config.setProperty("database.password", nullToEmpty(database.determinePassword()));
        config.setProperty("topic.prefix", "outbox-relay");
        config.setProperty("slot.name", settings.slotName());
        config.setProperty("slot.drop.on.stop", "false");
        // A fail-over slot (PostgreSQL 17): a standby with sync_replication_slots keeps a copy, so after a fail-over
        // the stream resumes from the promoted standby where it was, instead of from a new slot.
        config.setProperty("slot.failover", "true");
        config.setProperty("publication.name", settings.publicationName());
        config.setProperty("publication.autocreate.mode", "filtered");
        config.setProperty("table.include.list", "public.outbox");
        // Rows that exist before the slot are not replayed; CdcPublisher's catch-up sends any still unpublished.
        config.setProperty("snapshot.mode", "no_data");
        // A logical message reaches the slot whatever the publication filters, so an idle outbox still moves the
        // slot forward and it never holds WAL (DBZ-892); the messages themselves are dropped.
        config.setProperty(
                "heartbeat.interval.ms",
                Long.toString(settings.heartbeatInterval().toMillis()));
        config.setProperty(
                "heartbeat.action.query",
                "SELECT pg_logical_emit_message(false, 'outbox-relay-heartbeat', now()::varchar)");
        config.setProperty("message.prefix.exclude.list", "outbox-relay-heartbeat");
        config.setProperty("offset.storage", "io.debezium.storage.jdbc.offset.JdbcOffsetBackingStore");
        config.setProperty("offset.storage.jdbc.connection.url", database.determineUrl());
        config.setProperty("offset.storage.jdbc.connection.user", database.determineUsername());
        config.setProperty("offset.storage.jdbc.connection.password", offsetStorePassword());
        config.setProperty("offset.storage.jdbc.table.name", settings.offsetsTable());
        // Debezium waits up to poll.interval.ms (500 ms by default) for a batch to fill; a relay wants each commit
        // out at once (measured in docs/benchmarks.md).
        config.setProperty("poll.interval.ms", "10");
        // Flush after every batch: the batch was acknowledged by Kafka before it was marked processed.
        config.setProperty("offset.flush.interval.ms", "0");
        config.setProperty("errors.max.retries", "3");
        return config;
    }

    /**
     * The server to stream from: the one the relay's own URL reaches, which names the primary alone, or several hosts
     * of which the driver picks the primary ({@code targetServerType=primary}) — after a fail-over, the new one.
     */
    private HostSpec primary() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                database.determineUrl(), database.determineUsername(), database.determinePassword())) {
            return connection.unwrap(BaseConnection.class).getQueryExecutor().getHostSpec();
        }
    }

    /**
     * Debezium's JDBC offset store refuses an empty password, though a database that trusts the connection (the
     * embedded one of local runs and tests) needs none and ignores whatever is sent.
     */
    private String offsetStorePassword() {
        String password = database.determinePassword();
        return password == null || password.isEmpty() ? "unused-with-trust-authentication" : password;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
