package com.outboxwallet.api.redis;

import java.net.URI;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedissonConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redissonClient(RedisProperties properties) {
        URI url = properties.url();
        Config config = new Config();
        // Start even while Redis is down: nothing the service guarantees depends on Redis being up.
        config.setLazyInitialization(true);
        // Redisson's defaults are 32 Netty threads and 16 for callbacks, sized for many Redis servers: here one server
        // and 8 connections. Each idle thread still costs a stack and its own buffer caches (resident memory), and
        // commands spread over more event loops wake more threads per request.
        config.setNettyThreads(4);
        config.setThreads(4);
        SingleServerConfig server = config.useSingleServer()
                .setAddress(url.getScheme() + "://" + url.getHost() + ":" + (url.getPort() > 0 ? url.getPort() : 6379))
                .setTimeout((int) properties.commandTimeout().toMillis())
                .setConnectTimeout((int) properties.commandTimeout().toMillis())
                // No retry: Redisson waits a jittered second or two before one, and a request must not wait on Redis
                // longer than the command timeout. A call that fails once goes on without Redis, which is safe.
                .setRetryAttempts(0)
                // A command holds a connection for one round trip (~0.1 ms): 8 serve thousands of commands a second.
                // More cost CPU on every command: Redisson counts its free connections by walking them.
                .setConnectionMinimumIdleSize(2)
                .setConnectionPoolSize(8);
        if (url.getUserInfo() != null) {
            String[] credentials = url.getUserInfo().split(":", 2);
            if (!credentials[0].isEmpty()) {
                server.setUsername(credentials[0]);
            }
            if (credentials.length == 2) {
                server.setPassword(credentials[1]);
            }
        }
        if (properties.password() != null && !properties.password().isEmpty()) {
            server.setPassword(properties.password());
        }
        if (url.getPath() != null && url.getPath().length() > 1) {
            server.setDatabase(Integer.parseInt(url.getPath().substring(1)));
        }
        return Redisson.create(config);
    }
}
