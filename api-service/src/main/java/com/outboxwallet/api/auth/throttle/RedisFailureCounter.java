package com.outboxwallet.api.auth.throttle;

import java.time.Duration;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

/**
 * Counters shared by every instance: a Redis hash per counter, read and written by one-key scripts on Redis's own
 * clock (so the instances' clocks do not matter, and every key stays in one cluster slot).
 */
final class RedisFailureCounter implements FailureCounter {

    private static final String NOW = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            """;
    private static final String READ = NOW + """
            local seen = redis.call('HMGET', KEYS[1], 'n', 'last')
            return {tonumber(seen[1] or '0'), tonumber(seen[2] or '0'), now}""";
    /** ARGV[1]: how long to keep the counter after this failure, in ms. */
    private static final String FAILED = NOW + """
            redis.call('HINCRBY', KEYS[1], 'n', 1)
            redis.call('HSET', KEYS[1], 'last', now)
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1""";

    private final RedissonClient redisson;

    RedisFailureCounter(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Failures read(String name) {
        List<Long> seen = redisson.getScript(LongCodec.INSTANCE)
                .eval(RScript.Mode.READ_ONLY, READ, RScript.ReturnType.LIST, List.of(name));
        return new Failures(seen.get(0), seen.get(1), seen.get(2));
    }

    @Override
    public void failed(String name, Duration keep) {
        redisson.getScript(LongCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, FAILED, RScript.ReturnType.LONG, List.of(name), keep.toMillis());
    }

    @Override
    public void forget(String name) {
        redisson.getBucket(name).delete();
    }
}
