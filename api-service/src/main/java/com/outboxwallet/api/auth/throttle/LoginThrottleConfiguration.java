package com.outboxwallet.api.auth.throttle;

import com.outboxwallet.api.redis.RedisFallbacks;
import com.outboxwallet.loginguard.LocalAttemptCounters;
import com.outboxwallet.loginguard.LoginThrottle;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The api's login throttle: attempts counted in Redis, by every instance together. */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    /** The hash tag {login} keeps one attempt's keys in one Redis Cluster slot, as the counting script needs. */
    static final String KEYS = "login-throttle:v2:{login}:";

    @Bean
    LoginThrottle loginThrottle(
            RedissonClient redisson, Clock clock, LoginThrottleProperties properties, RedisFallbacks fallbacks) {
        return new LoginThrottle(
                new SharedAttemptCounters(
                        new RedisAttemptCounters(redisson),
                        new LocalAttemptCounters(clock, properties.loginThrottle()),
                        fallbacks,
                        clock),
                properties.loginThrottle(),
                KEYS);
    }
}
