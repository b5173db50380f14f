package com.outboxwallet.api.idempotency;

import com.outboxwallet.api.ratelimit.DeferredPermit;
import com.outboxwallet.api.ratelimit.DeferredPermits;
import com.outboxwallet.api.ratelimit.SlidingWindow;
import com.outboxwallet.api.redis.RedisFallbacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
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
 * <p>The claim is one atomic script, {@code SET NX PX} or else the entry there: of any number of concurrent duplicates
 * exactly one runs, the others get {@link RequestInFlight} (409) or, once it finished, its result, from which the
 * caller answers exactly as it answered the first time. The request's rate-limit permit, when deferred to the claim
 * ({@link DeferredPermits}), is taken first in the same script: a refused request claims nothing. It keeps the result, not an HTTP response, so every channel (the JSON API, the web page)
 * answers a key in its own form. Redis is the fast path only.
 * When it is unreachable the request runs anyway and PostgreSQL's unique (user, key) constraint still makes a
 * duplicate return the original top-up: availability is kept and correctness never depended on Redis.
 */
@Component
public class IdempotencyGuard {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyGuard.class);
    /**
     * KEYS[1]: the key's entry; ARGV[1], ARGV[2]: the claim and its TTL in ms. With a deferred permit, KEYS[2] is the
     * user's window and ARGV[3..5] {@code take_permit}'s arguments. Answers {permit taken (1/0), permits left (-1
     * without a permit), ms until a permit, claimed (1/0), the entry found when not claimed}. Both keys on one Redis:
     * a Redis Cluster would need them in one slot.
     */
    private static final String CLAIM = SlidingWindow.TAKE_PERMIT_FUNCTION + """
            local remaining = -1
            if KEYS[2] then
              local permit = take_permit(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5])
              if permit[1] == 0 then
                return {0, 0, permit[3], 0, ''}
              end
              remaining = permit[2]
            end
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return {1, remaining, 0, 1, ''}
            end
            return {1, remaining, 0, 0, redis.call('GET', KEYS[1]) or ''}""";

    private final RedisFallbacks fallbacks;
    private final RedissonClient redisson;
    private final JsonMapper json;
    private final IdempotencyProperties properties;
    private final DeferredPermits permits;

    IdempotencyGuard(
            RedissonClient redisson,
            JsonMapper json,
            IdempotencyProperties properties,
            RedisFallbacks fallbacks,
            DeferredPermits permits) {
        this.fallbacks = fallbacks;
        this.redisson = redisson;
        this.json = json;
        this.properties = properties;
        this.permits = permits;
    }

    /**
     * @param fingerprint identifies the request behind the key; another request under the same key is refused
     * @param type        the result's type, to read a stored result back
     * @param firstRun    does the work; it may itself find the work already done (the database guard) and say so
     * @param committed   reads the result the database already holds for this key, if any; asked only when Redis
     *                    says the key is still in flight (see {@link #answerFrom})
     * @throws IdempotencyKeyReused when the key belongs to a different request
     * @throws RequestInFlight      when the first request with this key is still running
     * @throws com.outboxwallet.api.ratelimit.RateLimited when the request's deferred permit was refused
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
        return switch (claim(scope.redisKey(), claim)) {
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

    private Claim claim(String key, String claim) {
        Optional<DeferredPermit> permit = permits.take();
        List<Object> keys = new ArrayList<>(List.of(key));
        List<Object> arguments =
                new ArrayList<>(List.of(claim, properties.inFlightTtl().toMillis()));
        permit.ifPresent(deferred -> {
            keys.add(deferred.windowKey());
            arguments.addAll(List.of(deferred.arguments()));
        });
        List<Object> answer;
        try {
            answer = redisson.getScript(StringCodec.INSTANCE)
                    .eval(RScript.Mode.READ_WRITE, CLAIM, RScript.ReturnType.LIST, keys, arguments.toArray());
        } catch (RedisException e) {
            log.warn("Redis unavailable, relying on the database guard for idempotency: {}", e.getMessage());
            fallbacks.wentOnWithout(RedisFallbacks.Use.IDEMPOTENCY_CLAIM);
            permit.ifPresent(DeferredPermit::redisUnavailable);
            return new Claim.RedisUnavailable();
        }
        permit.ifPresent(deferred -> deferred.settle(number(answer, 0), number(answer, 1), number(answer, 2)));
        if (number(answer, 3) == 1) {
            return new Claim.Acquired();
        }
        String existing = (String) answer.get(4);
        if (existing.isEmpty()) {
            throw new RequestInFlight(); // cannot be: the script reads the entry its SET NX found
        }
        return new Claim.Taken(json.readValue(existing, StoredEntry.class));
    }

    private static long number(List<Object> answer, int index) {
        return ((Number) answer.get(index)).longValue();
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
