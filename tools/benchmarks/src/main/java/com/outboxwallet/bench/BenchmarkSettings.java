package com.outboxwallet.bench;

import com.outboxwallet.local.processes.Instances;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * @param threads        concurrent callers
 * @param topUps         measured top-ups per scenario (after a warm-up of a tenth as many)
 * @param requests       measured HTTP requests per variant of the auth benchmark
 * @param wallets        wallets of the "spread" scenario
 * @param events         events pre-filled into the topic per scenario of the ledger benchmark
 * @param connections    concurrent HTTP clients of the pipeline benchmark's peak phase
 * @param users          users the pipeline benchmark's top-ups rotate over
 * @param seconds        length of each measured HTTP phase of the pipeline and e2e benchmarks
 * @param warmupSeconds  the pipeline and e2e benchmarks' warm-up, left out of their figures
 * @param settleSeconds  how long a half-peak load runs before it is measured
 * @param ceilingSeconds length of each step of the e2e benchmark's JDBC ceiling
 * @param relayMode      the relay's mode in the pipeline and e2e benchmarks: polling, cdc or hybrid
 * @param instances      the e2e benchmark's instances of each service, as {@code api=1,relay=1,ledger=1}
 * @param heap           the e2e benchmark's service JVMs' maximum heap, as {@code -Xmx} takes it
 * @param profile        whether the e2e benchmark records a JFR profile of the api-service over its HTTP steps
 * @param strategy       the e2e benchmark's api-service {@code wallet.concurrency.strategy}
 * @param traceSampling  the e2e benchmark's services' trace sampling probability, or {@code production} for the one
 *                       {@code api-service.yml} sets for production (not the local profile's)
 * @param apiSettings    more settings for the e2e benchmark's api-service, {@code name=value} each, to measure a change
 *                       before making it the default ({@code --api-setting=spring.threads.virtual.enabled=true})
 * @param compare        the B side of an A/B comparison at the e2e benchmark's spread peak, empty for none
 */
record BenchmarkSettings(
        int threads,
        int topUps,
        int requests,
        int wallets,
        int events,
        int connections,
        int users,
        int seconds,
        int warmupSeconds,
        int settleSeconds,
        int ceilingSeconds,
        String relayMode,
        String instances,
        String heap,
        boolean profile,
        String strategy,
        String traceSampling,
        List<String> apiSettings,
        Comparison compare) {

    private static final Set<String> RELAY_MODES = Set.of("polling", "cdc", "hybrid");

    static BenchmarkSettings parse(String benchmark, String[] args) {
        boolean e2e = "e2e".equals(benchmark);
        int threads = 8;
        int topUps = 4000;
        int requests = 4000;
        // Strategies spread top-ups over a few hot-ish wallets; the ledger spreads a topic over a realistic many.
        int wallets = "ledger".equals(benchmark) ? 10_000 : 64;
        int events = 1_000_000;
        int connections = 32;
        int users = 64;
        // e2e measures nine HTTP steps, each as long as this: long enough that two runs agree within about 10 %.
        int seconds = e2e ? 30 : 60;
        // The api-service runs at about 140 top-ups/s after 30 s and 200/s after three minutes (JIT).
        int warmupSeconds = e2e ? 120 : 180;
        // After the flat-out peak the stack takes 20-30 s to settle at a new, lower load.
        int settleSeconds = e2e ? 20 : 30;
        int ceilingSeconds = 15;
        String relayMode = "polling";
        String instances = "api=1,relay=1,ledger=1";
        // Small enough to show what a service needs resident; the services start and run well within it.
        String heap = "256m";
        boolean profile = false;
        String strategy = "atomic-update";
        // Measured as deployed: production samples a tenth of the traces; the local profile all of them.
        String traceSampling = "production";
        List<String> apiSettings = new ArrayList<>();
        List<String> compare = new ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            String value = pair[1];
            switch (pair[0]) {
                case "relay-mode" -> {
                    if (!RELAY_MODES.contains(value)) {
                        throw new IllegalArgumentException("--relay-mode is polling, cdc or hybrid, not " + value);
                    }
                    relayMode = value;
                }
                case "instances" -> {
                    Instances.parse(value); // refused here rather than after the stack started
                    instances = value;
                }
                case "heap" -> {
                    if (!value.matches("\\d+[mg]")) {
                        throw new IllegalArgumentException("--heap takes a size such as 256m or 1g, not " + value);
                    }
                    heap = value;
                }
                case "profile" -> profile = Boolean.parseBoolean(value);
                case "strategy" -> strategy = value;
                case "trace-sampling" -> {
                    if (!value.equals("production") && !value.matches("0(\\.\\d+)?|1(\\.0+)?")) {
                        throw new IllegalArgumentException(
                                "--trace-sampling is production or a probability from 0 to 1, not " + value);
                    }
                    traceSampling = value;
                }
                case "api-setting" -> {
                    if (!value.matches("[a-z][\\w.-]*=.*")) {
                        throw new IllegalArgumentException("--api-setting takes name=value, not " + value);
                    }
                    apiSettings.add(value);
                }
                case "compare" -> {
                    Comparison.parse(List.of(value)); // refused here rather than after the stack started
                    compare.add(value);
                }
                case "threads" -> threads = Integer.parseInt(value);
                case "top-ups" -> topUps = Integer.parseInt(value);
                case "requests" -> requests = Integer.parseInt(value);
                case "wallets" -> wallets = Integer.parseInt(value);
                case "events" -> events = Integer.parseInt(value);
                case "connections" -> connections = Integer.parseInt(value);
                case "users" -> users = Integer.parseInt(value);
                case "seconds" -> seconds = Integer.parseInt(value);
                case "warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "settle-seconds" -> settleSeconds = Integer.parseInt(value);
                case "ceiling-seconds" -> ceilingSeconds = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown setting " + pair[0]);
            }
        }
        return new BenchmarkSettings(
                threads,
                topUps,
                requests,
                wallets,
                events,
                connections,
                users,
                seconds,
                warmupSeconds,
                settleSeconds,
                ceilingSeconds,
                relayMode,
                instances,
                heap,
                profile,
                strategy,
                traceSampling,
                List.copyOf(apiSettings),
                Comparison.parse(compare));
    }

    /** The settings the benchmark reads, as its command line takes them: every one, defaults included. */
    String options(String benchmark) {
        return switch (benchmark) {
            case "ledger" -> "--events=%d --wallets=%d".formatted(events, wallets);
            case "pipeline" ->
                ("--connections=%d --users=%d --seconds=%d --warmup-seconds=%d --settle-seconds=%d"
                                + " --relay-mode=%s")
                        .formatted(connections, users, seconds, warmupSeconds, settleSeconds, relayMode);
            case "e2e" ->
                ("--seconds=%d --warmup-seconds=%d --settle-seconds=%d --ceiling-seconds=%d --relay-mode=%s"
                                        + " --instances=%s --heap=%s --profile=%s --strategy=%s --trace-sampling=%s")
                                .formatted(
                                        seconds,
                                        warmupSeconds,
                                        settleSeconds,
                                        ceilingSeconds,
                                        relayMode,
                                        instances,
                                        heap,
                                        profile,
                                        strategy,
                                        traceSampling)
                        + apiSettings.stream()
                                .map(setting -> " --api-setting=" + setting)
                                .collect(Collectors.joining())
                        + compare.settings().stream()
                                .map(setting -> " --compare=" + setting)
                                .collect(Collectors.joining());
            default ->
                "--threads=%d --top-ups=%d --requests=%d --wallets=%d".formatted(threads, topUps, requests, wallets);
        };
    }
}
