package com.outboxwallet.api.redis;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Redis round trip for the readiness group; reported as "redis". */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;

    RedisHealthIndicator(RedissonClient redisson) {
        super("Redis health check failed");
        this.redisson = redisson;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        redisson.getBucket("health:probe", StringCodec.INSTANCE).isExists();
        builder.up();
    }
}
