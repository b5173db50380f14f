package com.outboxwallet.paysim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * @param serverKey           the merchant's server key: authenticates the merchant's calls, signs the notifications
 * @param notificationUrl     where notifications go unless a charge names another (X-Override-Notification)
 * @param retrySchedule       the waits before each retry of a notification the merchant did not accept
 * @param notificationTimeout how long a delivery waits for the merchant's answer
 * @param defaultExpiry       how long a payment may be paid when its charge names no expiry
 * @param stateFile           where orders and undelivered notifications are kept across restarts; none: memory only
 * @param bind                the address it listens on: loopback unless it runs in a container of its own
 * @param notificationTrust   PEM certificates trusted for HTTPS notification URLs instead of the JDK's CAs (compose's
 *                            self-signed one, a private CA); none: the JDK's CAs
 */
record SimulatorSettings(
        int port,
        String serverKey,
        String merchantId,
        @Nullable String notificationUrl,
        List<Duration> retrySchedule,
        Duration notificationTimeout,
        Duration defaultExpiry,
        @Nullable Path stateFile,
        String bind,
        @Nullable Path notificationTrust) {

    /** Midtrans's own: about 2, 10, 30, 90 and 210 minutes. */
    static final List<Duration> MIDTRANS_RETRIES = List.of(
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofMinutes(90),
            Duration.ofMinutes(210));

    SimulatorSettings {
        if (serverKey.length() < 12) {
            throw new IllegalArgumentException("--server-key (PAYSIM_SERVER_KEY) needs at least 12 characters");
        }
        retrySchedule = List.copyOf(retrySchedule);
    }

    /** {@code 200ms}, {@code 2s}, {@code 10m}, {@code 1h}. */
    static Duration duration(String text) {
        String t = text.trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("a duration such as 200ms, 2s, 10m or 1h, not " + text);
        };
    }
}
