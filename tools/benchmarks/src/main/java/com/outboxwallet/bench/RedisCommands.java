package com.outboxwallet.bench;

import com.outboxwallet.infra.EmbeddedRedisServer;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands Redis ran, by name, as its {@code INFO commandstats} counts them. Asked over a connection of its own
 * in plain RESP, so that no client library's own commands (a Redisson client pings) are counted; the {@code INFO}
 * calls themselves are left out.
 */
final class RedisCommands {

    private static final Pattern STAT = Pattern.compile("^cmdstat_([^:]+):calls=(\\d+),", Pattern.MULTILINE);

    private final EmbeddedRedisServer redis;

    RedisCommands(EmbeddedRedisServer redis) {
        this.redis = redis;
    }

    /** Calls so far by command name, e.g. {@code evalsha: 1234}. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        Matcher stat = STAT.matcher(redis.info("commandstats"));
        while (stat.find()) {
            if (!"info".equals(stat.group(1))) {
                counts.put(stat.group(1), Long.parseLong(stat.group(2)));
            }
        }
        return counts;
    }
}
