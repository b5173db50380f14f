package com.outboxwallet.api.ratelimit.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.ratelimit.RateLimitDecision;
import com.outboxwallet.api.ratelimit.UserRateLimiter;
import com.outboxwallet.problems.RateLimitFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every authenticated API request against its user's limit and says where the user stands, in the IETF
 * RateLimit fields (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} names the quota and window,
 * {@code RateLimit} the remaining quota. A refused request gets 429 with {@code Retry-After}.
 */
class RateLimitInterceptor implements HandlerInterceptor {

    static final String POLICY = "per-user";

    private final UserRateLimiter limiter;

    RateLimitInterceptor(UserRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof WalletUser user)) {
            return true;
        }
        RateLimitDecision decision = limiter.tryAcquire(user.id());
        RateLimitFields fields =
                new RateLimitFields(POLICY, decision.limit(), Duration.ofSeconds(decision.windowSeconds()));
        if (decision.allowed()) {
            fields.allowed(response, decision.remaining());
            return true;
        }
        fields.refused(response, decision.secondsToPermit());
        throw new RateLimited(decision);
    }
}
