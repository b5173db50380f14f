package com.outboxwallet.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's CPU split by who spent it, from outside: each backend names itself in its process title
 * ({@code postgres: wallet_api wallet 127.0.0.1(40312) idle}, {@code postgres: walwriter}), so a client's backends
 * are grouped by their {@code application_name} (each service sets its own) or else their login, and by database, and
 * the server's own processes by what they are. Time of processes that ended
 * during a step (autovacuum workers, pgbench's connections) is what the postmaster collected when it reaped them.
 */
final class PostgresProcesses {

    static final String ENDED = "ended during the step (autovacuum workers, short connections)";
    private static final List<String> SERVER_PROCESSES = List.of(
            "checkpointer",
            "background writer",
            "walwriter",
            "autovacuum launcher",
            "autovacuum worker",
            "logical replication launcher",
            "logical replication",
            "walsender",
            "startup",
            "archiver");

    private PostgresProcesses() {}

    /** @param live each live child's group and CPU ticks so far; {@code reaped} the postmaster's collected ticks */
    record Snapshot(long postmasterTicks, long reaped, Map<Long, Child> live) {}

    record Child(String group, long ticks) {}

    /** @param applications each client session's {@code application_name}, by pid, where it set one */
    static Optional<Snapshot> of(ProcessHandle postmaster, Map<Long, String> applications) {
        Optional<long[]> own = ProcessUsage.ticks(postmaster.pid());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Child> live = new HashMap<>();
        for (ProcessHandle child : postmaster.children().toList()) {
            Optional<long[]> ticks = ProcessUsage.ticks(child.pid());
            Optional<String> group = group(child.pid(), applications.get(child.pid()));
            if (ticks.isPresent() && group.isPresent()) {
                live.put(child.pid(), new Child(group.get(), ticks.get()[0]));
            }
        }
        return Optional.of(new Snapshot(own.get()[0], own.get()[1], live));
    }

    /** CPU milliseconds per unit by group between two snapshots, the dearest first; empty if either is missing. */
    static Map<String, Double> millisPer(Optional<Snapshot> before, Optional<Snapshot> after, long units) {
        if (before.isEmpty() || after.isEmpty() || units <= 0) {
            return Map.of();
        }
        Map<String, Long> ticks = new HashMap<>();
        ticks.merge("postmaster", after.get().postmasterTicks() - before.get().postmasterTicks(), Long::sum);
        long ended = after.get().reaped() - before.get().reaped();
        for (Map.Entry<Long, Child> child : after.get().live().entrySet()) {
            Child earlier = before.get().live().get(child.getKey());
            long spent = child.getValue().ticks() - (earlier == null ? 0 : earlier.ticks());
            ticks.merge(child.getValue().group(), spent, Long::sum);
        }
        for (Map.Entry<Long, Child> child : before.get().live().entrySet()) {
            if (!after.get().live().containsKey(child.getKey())) {
                ended -= child.getValue().ticks(); // what it spent before the step is in its reaped total too
            }
        }
        ticks.merge(ENDED, ended, Long::sum);
        Map<String, Double> millis = new LinkedHashMap<>();
        ticks.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Comparator.comparingLong(entry -> -entry.getValue()))
                .forEach(entry -> millis.put(entry.getKey(), ProcessUsage.millis(entry.getValue()) / units));
        return millis;
    }

    /** The table's rows: a group and its CPU per top-up. */
    static List<String> rows(Map<String, Double> millisPerTopUp) {
        List<String> lines = new ArrayList<>(List.of("| PostgreSQL process | CPU ms per top-up |", "|---|---:|"));
        millisPerTopUp.forEach((group, millis) -> lines.add("| %s | %.3f |".formatted(group, millis)));
        return lines;
    }

    private static Optional<String> group(long pid, @Nullable String application) {
        try {
            String title = new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .strip();
            return Optional.of(groupOf(title, application));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /**
     * {@code postgres: wallet_api wallet 127.0.0.1(40312) idle} → {@code wallet_api on wallet}, or
     * {@code api-service on wallet} when the session's application name is {@code api-service}.
     */
    static String groupOf(String title, @Nullable String application) {
        String what = title.startsWith("postgres: ") ? title.substring("postgres: ".length()) : title;
        for (String server : SERVER_PROCESSES) {
            if (what.startsWith(server)) {
                return server;
            }
        }
        String[] words = what.split("\\s+");
        if (words.length < 2) {
            return what;
        }
        return (application == null ? words[0] : application) + " on " + words[1];
    }
}
