package com.outboxwallet.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A streaming standby of an {@link EmbeddedPostgresServer}, synchronous, so that a commit the primary acknowledges is
 * on both. The zonky binaries have no {@code pg_basebackup}: the standby is made by PostgreSQL's low-level base
 * backup ({@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop} and its backup label), and
 * streams from a physical replication slot made before the copy, so the primary keeps every WAL segment it needs.
 */
public final class PostgresStandby {

    /** Files a copy of a running server's data directory leaves out (PostgreSQL's own list, and zonky's lock). */
    private static final Set<String> NOT_COPIED =
            Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "tablespace_map");
    /** Directories copied empty: their contents are the running server's alone. */
    private static final Set<String> COPIED_EMPTY = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_stat_tmp",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_subtrans");

    private PostgresStandby() {}

    /**
     * @param name the standby's {@code application_name} and replication slot; the primary waits for it to have each
     *             commit ({@code synchronous_standby_names})
     * @param port 0 for a free one
     */
    public static EmbeddedPostgresServer start(
            EmbeddedPostgresServer primary, String name, int port, Path dataDirectory) {
        return start(primary, name, port, dataDirectory, null);
    }

    /** @param listener where it listens besides localhost; null for localhost alone */
    public static EmbeddedPostgresServer start(
            EmbeddedPostgresServer primary,
            String name,
            int port,
            Path dataDirectory,
            @Nullable NetworkListener listener) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain standby name: " + name);
        }
        try (Connection connection =
                        DriverManager.getConnection(primary.jdbcUrl("postgres"), EmbeddedPostgresServer.USER, "");
                Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_create_physical_replication_slot('" + name + "', true)");
            sql.execute("SELECT pg_backup_start('" + name + "', true)");
            copy(primary.dataDirectory(), dataDirectory);
            try (ResultSet stop = sql.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(dataDirectory.resolve("backup_label"), stop.getString(1));
            }
            Files.createFile(dataDirectory.resolve("standby.signal"));
            Files.writeString(
                    dataDirectory.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=" + primary.port() + " user="
                            + EmbeddedPostgresServer.USER + " application_name=" + name + " dbname=postgres'\n"
                            + "primary_slot_name = '" + name + "'\n"
                            + "hot_standby = on\n"
                            // Fail-over slots (PostgreSQL 17): the standby keeps a copy of each logical slot made
                            // with failover = true (the CDC relay's), which the primary never lets get ahead of it.
                            + "hot_standby_feedback = on\n"
                            + "sync_replication_slots = on\n",
                    java.nio.file.StandardOpenOption.APPEND);
            EmbeddedPostgresServer standby = EmbeddedPostgresServer.start(port, dataDirectory, true, listener);
            sql.execute("ALTER SYSTEM SET synchronous_standby_names = '\"" + name + "\"'");
            sql.execute("ALTER SYSTEM SET synchronized_standby_slots = '" + name + "'");
            sql.execute("SELECT pg_reload_conf()");
            return standby;
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a standby of " + primary.jdbcUrl("postgres"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + primary.dataDirectory() + " to " + dataDirectory, e);
        }
    }

    /** The data directory as it is now, files changing under the copy and all: the WAL from the backup's start mends it. */
    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path target = to.resolve(from.relativize(directory).toString());
                Files.createDirectories(target);
                if (!directory.equals(from)
                        && COPIED_EMPTY.contains(from.relativize(directory).toString())) {
                    if (directory.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (NOT_COPIED.contains(file.getFileName().toString()) && from.equals(file.getParent())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(
                            file,
                            to.resolve(from.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException removedMeanwhile) {
                    // a temporary file the server removed while the copy ran: the WAL replay does not need it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
}
