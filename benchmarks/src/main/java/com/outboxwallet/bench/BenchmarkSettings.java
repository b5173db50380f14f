package com.outboxwallet.bench;

import java.util.Set;

/**
 * @param threads       concurrent callers
 * @param topUps        measured top-ups per scenario (after a warm-up of a tenth as many)
 * @param requests      measured HTTP requests per variant of the auth benchmark
 * @param wallets       wallets of the "spread" scenario
 * @param events        events pre-filled into the topic per scenario of the ledger benchmark
 * @param connections   concurrent HTTP clients of the pipeline benchmark's peak phase
 * @param users         users the pipeline benchmark's top-ups rotate over
 * @param seconds       length of each measured phase of the pipeline benchmark
 * @param warmupSeconds the pipeline benchmark's warm-up, left out of its figures
 * @param settleSeconds how long the pipeline benchmark's half-peak load runs before it is measured
 * @param relayMode     the relay's mode in the pipeline benchmark: polling, cdc or hybrid
 */
record BenchmarkSettings(int threads, int topUps, int requests, int wallets, int events, int connections, int users,
                         int seconds, int warmupSeconds, int settleSeconds, String relayMode) {

    private static final Set<String> RELAY_MODES = Set.of("polling", "cdc", "hybrid");

    static BenchmarkSettings parse(String benchmark, String[] args) {
        int threads = 8;
        int topUps = 4000;
        int requests = 4000;
        // Strategies spread top-ups over a few hot-ish wallets; the ledger spreads a topic over a realistic many.
        int wallets = "ledger".equals(benchmark) ? 10_000 : 64;
        int events = 1_000_000;
        int connections = 32;
        int users = 64;
        int seconds = 60;
        // The api-service runs at about 140 top-ups/s after 30 s and 200/s after three minutes (JIT).
        int warmupSeconds = 180;
        // After the flat-out peak the stack takes 20-30 s to settle at a new, lower load.
        int settleSeconds = 30;
        String relayMode = "polling";
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            if (pair[0].equals("relay-mode")) {
                if (!RELAY_MODES.contains(pair[1])) {
                    throw new IllegalArgumentException("--relay-mode is polling, cdc or hybrid, not " + pair[1]);
                }
                relayMode = pair[1];
                continue;
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "threads" -> threads = value;
                case "top-ups" -> topUps = value;
                case "requests" -> requests = value;
                case "wallets" -> wallets = value;
                case "events" -> events = value;
                case "connections" -> connections = value;
                case "users" -> users = value;
                case "seconds" -> seconds = value;
                case "warmup-seconds" -> warmupSeconds = value;
                case "settle-seconds" -> settleSeconds = value;
                default -> throw new IllegalArgumentException("unknown setting " + pair[0]);
            }
        }
        return new BenchmarkSettings(threads, topUps, requests, wallets, events, connections, users, seconds,
                warmupSeconds, settleSeconds, relayMode);
    }

    /** The settings the benchmark reads, as its command line takes them: every one, defaults included. */
    String options(String benchmark) {
        return switch (benchmark) {
            case "ledger" -> "--events=%d --wallets=%d".formatted(events, wallets);
            case "pipeline" -> ("--connections=%d --users=%d --seconds=%d --warmup-seconds=%d --settle-seconds=%d"
                    + " --relay-mode=%s")
                    .formatted(connections, users, seconds, warmupSeconds, settleSeconds, relayMode);
            default -> "--threads=%d --top-ups=%d --requests=%d --wallets=%d"
                    .formatted(threads, topUps, requests, wallets);
        };
    }
}
