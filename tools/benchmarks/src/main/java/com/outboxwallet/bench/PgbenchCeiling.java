package com.outboxwallet.bench;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.TopUpCommand;
import com.outboxwallet.events.TopUpAccepted;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling as PostgreSQL's own load generator measures it: pgbench, a C client with a connection per client,
 * running {@link JdbcCeiling}'s transaction (credit, then the top-up and outbox rows with the event's JSON in one
 * statement, one commit), as
 * prepared statements, as the JDBC driver sends them once warm. A script per user, picked at random, since pgbench
 * has no UUIDs of its own; the rows are real top-ups, which the relay publishes and the ledger applies. pgbench
 * is Debian's ({@code postgresql-client} or {@code postgresql-NN}); where there is none, this says so and measures
 * nothing.
 */
final class PgbenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");

    private final Path pgbench;
    private final String host;
    private final int port;
    private final String database;
    private final BigDecimal amount;
    private final Path scripts;

    /** Top-ups committed, per second and the mean latency of one, as pgbench reports them. */
    record Result(int clients, long committed, double perSecond, double latencyMillis) {}

    private PgbenchCeiling(Path pgbench, String host, int port, String database, BigDecimal amount, Path scripts) {
        this.pgbench = pgbench;
        this.host = host;
        this.port = port;
        this.database = database;
        this.amount = amount;
        this.scripts = scripts;
    }

    static Optional<PgbenchCeiling> find(String host, int port, String database, BigDecimal amount, Path scripts) {
        return binary().map(pgbench -> new PgbenchCeiling(pgbench, host, port, database, amount, scripts));
    }

    /** The newest pgbench under {@code /usr/lib/postgresql}, else the one on the PATH. */
    static Optional<Path> binary() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            Optional<Path> installed = versions.map(version -> version.resolve("bin/pgbench"))
                    .filter(Files::isExecutable)
                    .max((a, b) -> Integer.compare(major(a), major(b)));
            if (installed.isPresent()) {
                return installed;
            }
        } catch (IOException | RuntimeException none) {
            // no Debian PostgreSQL packages: try the PATH
        }
        return Optional.of(Path.of("/usr/bin/pgbench")).filter(Files::isExecutable);
    }

    private static int major(Path pgbench) {
        Path bin = pgbench.getParent();
        Path version = bin == null ? null : bin.getParent();
        Path name = version == null ? null : version.getFileName();
        if (name == null) {
            return 0;
        }
        try {
            return Integer.parseInt(name.toString());
        } catch (NumberFormatException notAVersion) {
            return 0;
        }
    }

    Path executable() {
        return pgbench;
    }

    /** pgbench at {@code clients} connections for {@code length}, over the users' wallets at random. */
    Result run(List<UUID> users, int clients, Duration length) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                pgbench.toString(),
                "-h",
                host,
                "-p",
                Integer.toString(port),
                "-U",
                "postgres",
                "-n", // no vacuum of pgbench's own tables: there are none
                "-M",
                "prepared",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, 2)),
                "-T",
                Long.toString(length.toSeconds())));
        for (UUID user : users) {
            command.add("-f");
            command.add(script(user) + "@1");
        }
        command.add(database);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(length.toSeconds() + 60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return new Result(clients, (long) number(PROCESSED, output), number(TPS, output), number(LATENCY, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ": " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private Path script(UUID user) throws IOException {
        Path script = scripts.resolve("top-up-" + user + ".sql");
        if (Files.exists(script)) {
            return script;
        }
        String fingerprint = new TopUpCommand(user, new IdempotencyKey("pgbench"), new Amount(amount)).fingerprint();
        // The event's JSON as WalletEventCodec writes it: amounts as strings, the instant in ISO-8601 UTC. No ':' may
        // be followed by a letter anywhere in the script, quoted or not: pgbench takes every ":name" for a variable.
        Files.createDirectories(scripts);
        Files.writeString(script, """
                \\set key random(1, 9000000000000000000)
                BEGIN;
                UPDATE wallets SET balance = balance + %1$s, version = version + 1, updated_at = now() \
                WHERE user_id = '%2$s' AND balance + %1$s <= 99999999.99 \
                RETURNING id AS wallet_id, balance, currency, version \\gset
                WITH top_up AS (INSERT INTO top_ups (id, user_id, wallet_id, idempotency_key, request_fingerprint, \
                amount, currency, balance_after, wallet_version, created_at) \
                VALUES (gen_random_uuid(), '%2$s', :wallet_id, 'pgbench-' || :client_id::text || '-' || :key::text, \
                '%3$s', %1$s, :currency, :balance, :version, now()) RETURNING id) \
                INSERT INTO outbox (event_id, aggregate_type, aggregate_id, event_type, payload, idempotency_key, \
                sequence, occurred_at, traceparent) \
                SELECT gen_random_uuid(), 'wallet', :wallet_id, '%4$s', jsonb_build_object('topUpId', \
                top_up.id::text, 'walletId', :wallet_id::text, 'userId', '%2$s', 'amount', '%1$s', 'currency', \
                :currency::text, 'balanceAfter', :balance::text, 'sequence', :version::bigint, 'occurredAt', \
                (to_json(now() AT TIME ZONE 'UTC') #>> '{}') || 'Z'), \
                'pgbench-' || :client_id::text || '-' || :key::text, :version, now(), NULL FROM top_up;
                COMMIT;
                """.formatted(amount.toPlainString(), user, fingerprint, TopUpAccepted.TYPE));
        return script;
    }
}
