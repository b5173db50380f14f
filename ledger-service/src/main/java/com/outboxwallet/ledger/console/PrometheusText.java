package com.outboxwallet.ledger.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the sample lines of the Prometheus text exposition format (version 0.0.4, what Micrometer's Prometheus
 * registry serves on {@code /actuator/prometheus}): {@code name{label="value",...} value [timestamp]}. Comments
 * ({@code # HELP}, {@code # TYPE}) carry nothing the console shows, and a line it cannot read is skipped rather than
 * failing the page: the figure it would have given shows as not exported.
 */
final class PrometheusText {

    private PrometheusText() {}

    /** One sample line; histogram buckets, counts and sums are samples of their own names. */
    record Sample(String name, Map<String, String> labels, double value) {

        @Nullable
        String label(String name) {
            return labels.get(name);
        }
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                sample(trimmed).ifPresent(samples::add);
            }
        }
        return samples;
    }

    private static Optional<Sample> sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i = labels(line, i + 1, labels);
            if (i < 0) {
                return Optional.empty();
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (name.isEmpty() || rest.length == 0 || rest[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Sample(name, Map.copyOf(labels), value(rest[0])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the index after the closing brace, or -1 if the label set is malformed */
    private static int labels(String line, int i, Map<String, String> labels) {
        while (true) {
            while (i < line.length() && (line.charAt(i) == ',' || Character.isWhitespace(line.charAt(i)))) {
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            if (line.charAt(i) == '}') {
                return i + 1;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return -1;
            }
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2;
            while (i < line.length() && line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                i++;
            }
            if (i >= line.length()) {
                return -1;
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    private static double value(String token) {
        return switch (token) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(token);
        };
    }
}
