package com.outboxwallet.bench;

/**
 * @param threads  concurrent callers
 * @param topUps   measured top-ups per scenario (after a warm-up of a tenth as many)
 * @param requests measured HTTP requests per variant of the auth benchmark
 * @param wallets  wallets of the "spread" scenario
 */
record BenchmarkSettings(int threads, int topUps, int requests, int wallets) {

    static BenchmarkSettings parse(String[] args) {
        int threads = 8;
        int topUps = 4000;
        int requests = 4000;
        int wallets = 64;
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "threads" -> threads = value;
                case "top-ups" -> topUps = value;
                case "requests" -> requests = value;
                case "wallets" -> wallets = value;
                default -> throw new IllegalArgumentException("unknown setting " + pair[0]);
            }
        }
        return new BenchmarkSettings(threads, topUps, requests, wallets);
    }
}
