package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.api.redis.RedisFallbacks;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing. Failed logins are counted per username from one client address and per client address
 * whatever the username; past {@code max-failures-per-user} (or {@code -per-address}) failures, the next attempt waits
 * {@code first-delay} after the last failure, doubling with each further failure up to {@code longest-delay}.
 * Counters live in Redis, shared by every instance; while Redis is unreachable each instance counts on its own, so
 * guessing is slowed per instance rather than let through. A success forgets only its own username's counter from its
 * address: an attacker who also holds a valid account cannot clear an address's count with it.
 *
 * <p>Counting per username across all addresses was left out on purpose: anyone could then lock any user out by
 * failing as them. Guessing spread over many addresses is slowed by each address's own limit (IPv6 addresses count by
 * their /64, which one subscriber usually holds whole).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "login-failures:v1:";
    /** After Redis failed, how long to count locally before trying it again: a guess must not wait on timeouts. */
    private static final Duration SHARED_RETRY = Duration.ofSeconds(5);

    private final RedisFallbacks fallbacks;
    private final FailureCounter shared;
    private final FailureCounter local;
    private final LoginThrottleProperties properties;
    private final Clock clock;
    private volatile boolean sharedUnavailable;
    private volatile long sharedRetryAt;

    @Autowired
    LoginThrottle(RedissonClient redisson, Clock clock, LoginThrottleProperties properties, RedisFallbacks fallbacks) {
        this(
                new RedisFailureCounter(redisson),
                new LocalFailureCounter(clock, properties.longestDelay()),
                properties,
                clock,
                fallbacks);
    }

    LoginThrottle(
            FailureCounter shared,
            FailureCounter local,
            LoginThrottleProperties properties,
            Clock clock,
            RedisFallbacks fallbacks) {
        this.fallbacks = fallbacks;
        this.shared = shared;
        this.local = local;
        this.properties = properties;
        this.clock = clock;
    }

    /** The limit an attempt must wait for, and how long; empty when it may be checked now. */
    public record Wait(Limit limit, int maxFailures, Duration window, Duration retryAfter) {}

    public enum Limit {
        USER,
        ADDRESS
    }

    public Optional<Wait> check(String username, String address) {
        String client = clientOf(address);
        Optional<Wait> byAddress = waitOf(
                Limit.ADDRESS,
                properties.maxFailuresPerAddress(),
                counted(counter -> counter.read(addressCounter(client))));
        Optional<Wait> byUser = waitOf(
                Limit.USER,
                properties.maxFailuresPerUser(),
                counted(counter -> counter.read(userCounter(username, client))));
        if (byAddress.isPresent() && byUser.isPresent()) {
            return byAddress.get().retryAfter().compareTo(byUser.get().retryAfter()) >= 0 ? byAddress : byUser;
        }
        return byAddress.or(() -> byUser);
    }

    public void failed(String username, String address) {
        String client = clientOf(address);
        counted(counter -> {
            counter.failed(addressCounter(client), properties.longestDelay());
            counter.failed(userCounter(username, client), properties.longestDelay());
            return null;
        });
    }

    public void succeeded(String username, String address) {
        counted(counter -> {
            counter.forget(userCounter(username, clientOf(address)));
            return null;
        });
    }

    private Optional<Wait> waitOf(Limit limit, int maxFailures, Failures failures) {
        if (failures.count() < maxFailures) {
            return Optional.empty();
        }
        long doublings = Math.min(failures.count() - maxFailures, 30);
        long delay = Math.min(
                properties.longestDelay().toMillis(), properties.firstDelay().toMillis() << doublings);
        long left = failures.lastMillis() + delay - failures.nowMillis();
        return left <= 0
                ? Optional.empty()
                : Optional.of(new Wait(limit, maxFailures, properties.longestDelay(), Duration.ofMillis(left)));
    }

    /** Redis when it answers; this instance's own counters when it does not, and for a while after. */
    private <T> T counted(Function<FailureCounter, T> use) {
        if (sharedUnavailable && clock.millis() < sharedRetryAt) {
            fallbacks.wentOnWithout(RedisFallbacks.Use.LOGIN_THROTTLE);
            return use.apply(local);
        }
        try {
            T result = use.apply(shared);
            if (sharedUnavailable) {
                sharedUnavailable = false;
                log.info("Failed logins are counted in Redis again");
            }
            return result;
        } catch (RedisException e) {
            sharedRetryAt = clock.millis() + SHARED_RETRY.toMillis();
            fallbacks.wentOnWithout(RedisFallbacks.Use.LOGIN_THROTTLE);
            if (!sharedUnavailable) {
                sharedUnavailable = true;
                log.warn("Redis unavailable, failed logins are counted by this instance alone: {}", e.getMessage());
            }
            return use.apply(local);
        }
    }

    /** The username is hashed: names of any length and content become keys of one length. */
    private static String userCounter(String username, String client) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return PREFIX + "user:" + HexFormat.of().formatHex(digest) + ":" + client;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String addressCounter(String client) {
        return PREFIX + "address:" + client;
    }

    /** An IPv4 address as it is; an IPv6 address by its /64. */
    static String clientOf(String address) {
        if (address == null || !address.contains(":")) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
