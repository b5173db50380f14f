package com.outboxwallet.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server from the zonky binaries, configured for logical decoding (the CDC relay needs
 * {@code wal_level=logical}) and with {@code synchronous_commit=on}, so a commit means what it means in production.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedPostgresServer start(int port, Path dataDirectory, boolean durable) {
        return start(port, dataDirectory, durable, null);
    }

    /** @param listener where it listens besides localhost, and whom it lets in there; null for localhost alone */
    public static EmbeddedPostgresServer start(
            int port, Path dataDirectory, boolean durable, @Nullable NetworkListener listener) {
        try {
            Files.createDirectories(dataDirectory);
            StalePostmaster.stopIfRunning(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!durable)
                    // Whoever started the server stops it, after the services that use it; a hook of its own
                    // would race them at JVM exit.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_wal_senders", "10")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_slot_wal_keep_size", "2GB") // as in docker-compose.yml
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("synchronous_commit", "on")
                    // pg_xact_commit_timestamp(xmin): when a row's transaction committed, which the pipeline
                    // benchmark's commit→audit-log figures are measured by.
                    .setServerConfig("track_commit_timestamp", "on")
                    // Counts every statement by its text (a hash lookup per statement): the e2e benchmark reads how
                    // many statements a top-up costs from it, and anyone can ask a local stack the same.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off");
            if (port > 0) {
                builder.setPort(port);
            }
            if (listener != null) {
                builder.setServerConfig("listen_addresses", "localhost," + listener.address());
            }
            EmbeddedPostgres postgres = builder.start();
            if (listener != null) {
                trust(postgres, dataDirectory, listener.clients());
            }
            log.info("PostgreSQL listening on localhost:{} (data in {})", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /**
     * Lets the clients of that network in as local ones are (initdb's {@code trust}); a standby copied from this
     * server inherits it. A line once added is not added again.
     */
    private static void trust(EmbeddedPostgres postgres, Path dataDirectory, String clients) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String line = "host all,replication all " + clients + " trust";
        if (Files.readAllLines(hba).contains(line)) {
            return;
        }
        Files.writeString(hba, "\n" + line + "\n", StandardOpenOption.APPEND);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not reload pg_hba.conf in " + dataDirectory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * A standby made the primary ({@code pg_promote}): it stops following and takes writes. Returns once it does.
     */
    public void promote() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet promoted = statement.executeQuery("SELECT pg_promote(true, 60)")) {
            if (!promoted.next() || !promoted.getBoolean(1)) {
                throw new IllegalStateException("PostgreSQL on port " + port() + " was not promoted within 60 s");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not promote PostgreSQL on port " + port(), e);
        }
    }

    /** Creates the database unless it exists; safe to call from every start. */
    public String createDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database: already there from an earlier run
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
        return jdbcUrl(database);
    }

    /**
     * A crash and a restart, as {@code pg_ctl restart -m immediate} does it: every backend is killed without a
     * checkpoint, so the server comes back through crash recovery from the WAL, on the same port and data. Returns
     * once it accepts connections again.
     */
    public void crashRestart() {
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-restarts.log");
        try {
            Path pgCtl = postmaster()
                    .info()
                    .command()
                    .map(Path::of)
                    .map(postgresBinary -> postgresBinary.resolveSibling("pg_ctl"))
                    .orElseThrow(() -> new IllegalStateException("cannot tell where the postmaster's binaries are"));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; zonky starts it in a user namespace, and so does this.
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(
                    pgCtl.toString(),
                    "restart",
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    "120",
                    "-D",
                    dataDirectory.toString(),
                    "-l",
                    log.toString()));
            Process restart = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (restart.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl restart failed with " + restart.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not restart; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL restarted", e);
        }
    }

    /** The server's main process, from its pid file. */
    public ProcessHandle postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL running on " + dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL pid file in " + dataDirectory, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running on the data directory; the next start would fail.
     * The postmaster's pid file says which process that is.
     */
    static final class StalePostmaster {

        private StalePostmaster() {}

        static void stopIfRunning(Path dataDirectory) throws IOException {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> stale = lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(StalePostmaster::isPostgres);
            if (stale.isEmpty()) {
                return;
            }
            ProcessHandle postmaster = stale.get();
            log.warn(
                    "Stopping a PostgreSQL (pid {}) left running on {} by an earlier run",
                    postmaster.pid(),
                    dataDirectory);
            // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .inheritIO()
                    .start();
            Instant deadline = Instant.now().plusSeconds(20);
            while (postmaster.isAlive() && Instant.now().isBefore(deadline)) {
                postmaster
                        .onExit()
                        .completeOnTimeout(postmaster, 200, java.util.concurrent.TimeUnit.MILLISECONDS)
                        .join();
            }
            if (postmaster.isAlive()) {
                postmaster.destroyForcibly();
            }
        }

        private static boolean isPostgres(ProcessHandle process) {
            return process.info()
                    .command()
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false);
        }
    }
}
