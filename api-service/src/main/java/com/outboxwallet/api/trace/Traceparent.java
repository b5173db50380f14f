package com.outboxwallet.api.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent} (version 00): {@code 00-<trace id>-<span id>-<flags>}. The service has no
 * tracer of its own; it continues the caller's trace when there is one and starts one when there is not, so every
 * event can be joined to the request that caused it.
 */
public record Traceparent(String traceId, String spanId, String flags) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The caller's header, if it is a valid version-00 traceparent (all-zero ids are invalid by the spec). */
    public static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var matcher = FORMAT.matcher(header.trim());
        if (!matcher.matches() || matcher.group(1).matches("0+") || matcher.group(2).matches("0+")) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(matcher.group(1), matcher.group(2), matcher.group(3)));
    }

    /** The span of this service's work: the caller's trace, or a new sampled one, with a new span id. */
    public static Traceparent serverSpanOf(String incomingHeader) {
        return parse(incomingHeader)
                .map(parent -> new Traceparent(parent.traceId(), randomHex(8), parent.flags()))
                .orElseGet(() -> new Traceparent(randomHex(16), randomHex(8), "01"));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
