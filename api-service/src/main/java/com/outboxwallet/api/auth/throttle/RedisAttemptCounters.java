package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.loginguard.AttemptCounters;
import com.outboxwallet.loginguard.LoginThrottle;
import com.outboxwallet.loginguard.ThrottlePolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.LongCodec;

/**
 * Counters shared by every instance: a Redis hash per counter, checked and counted by one script on Redis's own
 * clock (so the instances' clocks do not matter, and no other attempt runs between the check and the count). The
 * keys of one attempt share the hash tag in the throttle's prefix, so they stay in one cluster slot.
 */
final class RedisAttemptCounters implements AttemptCounters {

    /** ARGV: first delay, longest delay (ms), then each counter's limit; the same arithmetic as ThrottlePolicy. */
    private static final String RESERVE = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local first = tonumber(ARGV[1])
            local longest = tonumber(ARGV[2])
            local worst = 0
            local which = 0
            for i = 1, #KEYS do
              local max = tonumber(ARGV[2 + i])
              local seen = redis.call('HMGET', KEYS[i], 'n', 'last')
              local n = tonumber(seen[1] or '0')
              if n >= max then
                local left = tonumber(seen[2] or '0') + math.min(longest, first * 2 ^ math.min(n - max, 30)) - now
                if left > worst then
                  worst = left
                  which = i
                end
              end
            end
            if which > 0 then
              return {which, math.ceil(worst)}
            end
            for i = 1, #KEYS do
              redis.call('HINCRBY', KEYS[i], 'n', 1)
              redis.call('HSET', KEYS[i], 'last', now)
              redis.call('PEXPIRE', KEYS[i], longest)
            end
            return {0, 0}""";
    /** ARGV[1]: 1 to forget the first counter altogether. */
    private static final String FORGIVE = """
            for i = 1, #KEYS do
              if i == 1 and ARGV[1] == '1' then
                redis.call('DEL', KEYS[i])
              elseif tonumber(redis.call('HGET', KEYS[i], 'n') or '0') > 0 then
                redis.call('HINCRBY', KEYS[i], 'n', -1)
              end
            end
            return 1""";

    private final RedissonClient redisson;

    RedisAttemptCounters(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public Optional<LoginThrottle.Wait> reserve(List<Counted> counters, ThrottlePolicy policy) {
        List<Object> args = new ArrayList<>();
        args.add(policy.firstDelay().toMillis());
        args.add(policy.longestDelay().toMillis());
        counters.forEach(counter -> args.add(policy.limitOf(counter.limit())));
        List<Long> answer = redisson.getScript(LongCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, RESERVE, RScript.ReturnType.LIST, keys(counters), args.toArray());
        int which = answer.get(0).intValue();
        return which == 0
                ? Optional.empty()
                : Optional.of(LoginThrottle.Wait.of(counters.get(which - 1).limit(), policy, answer.get(1)));
    }

    @Override
    public void forgive(List<Counted> counters, boolean forgetFirst) {
        redisson.getScript(LongCodec.INSTANCE)
                .eval(
                        RScript.Mode.READ_WRITE,
                        FORGIVE,
                        RScript.ReturnType.LONG,
                        keys(counters),
                        forgetFirst ? "1" : "0");
    }

    @Override
    public boolean known(String key) {
        return redisson.getBucket(key).isExists();
    }

    @Override
    public void remember(String key, Duration keep) {
        redisson.getBucket(key, LongCodec.INSTANCE).set(1L, keep);
    }

    private static List<Object> keys(List<Counted> counters) {
        return counters.stream().map(counter -> (Object) counter.key()).toList();
    }
}
