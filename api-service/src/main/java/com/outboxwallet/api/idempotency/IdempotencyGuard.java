package com.outboxwallet.api.idempotency;

import com.outboxwallet.api.redis.RedisFallbacks;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a keyed operation at most once at a time and replays its first result.
 *
 * <p>The claim is one atomic {@code SET NX PX}: of any number of concurrent duplicates exactly one runs, the others
 * get {@link RequestInFlight} (409) or, once it finished, its result, from which the caller answers exactly as it
 * answered the first time. It keeps the result, not an HTTP response, so every channel (the JSON API, the web page)
 * answers a key in its own form. Redis is the fast path only.
 * When it is unreachable the request runs anyway and PostgreSQL's unique (user, key) constraint still makes a
 * duplicate return the original top-up: availability is kept and correctness never depended on Redis.
 */
@Component
public class IdempotencyGuard {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyGuard.class);

    private final RedisFallbacks fallbacks;
    private final RedissonClient redisson;
    private final JsonMapper json;
    private final IdempotencyProperties properties;

    IdempotencyGuard(
            RedissonClient redisson, JsonMapper json, IdempotencyProperties properties, RedisFallbacks fallbacks) {
        this.fallbacks = fallbacks;
        this.redisson = redisson;
        this.json = json;
        this.properties = properties;
    }

    /**
     * @param fingerprint identifies the request behind the key; another request under the same key is refused
     * @param type        the result's type, to read a stored result back
     * @param firstRun    does the work; it may itself find the work already done (the database guard) and say so
     * @param committed   reads the result the database already holds for this key, if any; asked only when Redis
     *                    says the key is still in flight (see {@link #answerFrom})
     * @throws IdempotencyKeyReused when the key belongs to a different request
     * @throws RequestInFlight      when the first request with this key is still running
     */
    public <T> Idempotent<T> execute(
            IdempotencyScope scope,
            String fingerprint,
            Class<T> type,
            Supplier<Idempotent<T>> firstRun,
            Supplier<Optional<T>> committed) {
        RBucket<String> bucket = redisson.getBucket(scope.redisKey(), StringCodec.INSTANCE);
        String claim =
                json.writeValueAsString(StoredEntry.inFlight(UUID.randomUUID().toString(), fingerprint));
        return switch (claim(bucket, claim)) {
            case Claim.Acquired acquired -> runClaimed(bucket, claim, fingerprint, firstRun);
            case Claim.Taken(StoredEntry existing) -> answerFrom(bucket, existing, fingerprint, type, committed);
            case Claim.RedisUnavailable unavailable -> firstRun.get();
        };
    }

    private sealed interface Claim {
        record Acquired() implements Claim {}

        record Taken(StoredEntry existing) implements Claim {}

        record RedisUnavailable() implements Claim {}
    }

    private Claim claim(RBucket<String> bucket, String claim) {
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (bucket.setIfAbsent(claim, properties.inFlightTtl())) {
                    return new Claim.Acquired();
                }
                String existing = bucket.get();
                if (existing != null) {
                    return new Claim.Taken(json.readValue(existing, StoredEntry.class));
                }
                // The entry expired between SET NX and GET: try to claim again.
            }
            throw new RequestInFlight();
        } catch (RedisException e) {
            log.warn("Redis unavailable, relying on the database guard for idempotency: {}", e.getMessage());
            fallbacks.wentOnWithout(RedisFallbacks.Use.IDEMPOTENCY_CLAIM);
            return new Claim.RedisUnavailable();
        }
    }

    /**
     * A claim is not proof that its request still runs: when the reply to {@code SET NX} was lost after Redis applied
     * it, the request went on without knowing it held the claim and committed; when Redis failed as the result was
     * stored, or the process died after its commit, the claim stays too. Each would answer every retry with 409 for
     * the whole in-flight TTL. So before a 409 the database is asked: a committed result is the answer, and it
     * replaces the stray claim.
     */
    private <T> Idempotent<T> answerFrom(
            RBucket<String> bucket,
            StoredEntry existing,
            String fingerprint,
            Class<T> type,
            Supplier<Optional<T>> committed) {
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        if (existing.state() == StoredEntry.State.IN_FLIGHT) {
            T result = committed.get().orElseThrow(RequestInFlight::new);
            remember(bucket, fingerprint, result);
            return new Idempotent<>(result, true);
        }
        return new Idempotent<>(json.readValue(existing.result(), type), true);
    }

    private <T> Idempotent<T> runClaimed(
            RBucket<String> bucket, String claim, String fingerprint, Supplier<Idempotent<T>> firstRun) {
        Idempotent<T> result;
        try {
            result = firstRun.get();
        } catch (RuntimeException e) {
            release(bucket, claim);
            throw e;
        }
        remember(bucket, fingerprint, result.value());
        return result;
    }

    /** The result replaces the claim in one command: there is no moment with neither. */
    private void remember(RBucket<String> bucket, String fingerprint, Object result) {
        try {
            bucket.set(
                    json.writeValueAsString(StoredEntry.completed(fingerprint, json.writeValueAsString(result))),
                    properties.responseTtl());
        } catch (RedisException e) {
            // The claim stays until inFlightTtl; a retry meanwhile is answered from the database (answerFrom).
            log.warn("Redis unavailable, response not kept for replay: {}", e.getMessage());
            fallbacks.wentOnWithout(RedisFallbacks.Use.IDEMPOTENCY_REPLAY);
        }
    }

    private void release(RBucket<String> bucket, String claim) {
        try {
            // Delete only our own claim: compare-and-delete in one command, never get-then-delete.
            bucket.compareAndSet(claim, null);
        } catch (RedisException e) {
            log.warn("Redis unavailable, claim left to expire: {}", e.getMessage());
        }
    }
}
