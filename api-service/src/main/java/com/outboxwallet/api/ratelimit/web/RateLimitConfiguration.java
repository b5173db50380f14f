package com.outboxwallet.api.ratelimit.web;

import com.outboxwallet.api.ratelimit.DeferredPermits;
import com.outboxwallet.api.ratelimit.UserRateLimiter;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration implements WebMvcConfigurer {

    private final UserRateLimiter limiter;
    private final DeferredPermits deferred;

    RateLimitConfiguration(UserRateLimiter limiter, DeferredPermits deferred) {
        this.limiter = limiter;
        this.deferred = deferred;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(limiter, deferred)).addPathPatterns("/api/**", "/topups");
    }
}
