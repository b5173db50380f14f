package com.outboxwallet.api.ratelimit.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.ratelimit.DeferredPermit;
import com.outboxwallet.api.ratelimit.DeferredPermits;
import com.outboxwallet.api.ratelimit.RateLimitDecision;
import com.outboxwallet.api.ratelimit.RateLimited;
import com.outboxwallet.api.ratelimit.UserRateLimiter;
import com.outboxwallet.problems.RateLimitFields;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts every authenticated API request against its user's limit and says where the user stands, in the IETF
 * RateLimit fields (draft-ietf-httpapi-ratelimit-headers): {@code RateLimit-Policy} names the quota and window,
 * {@code RateLimit} the remaining quota. A refused request gets 429 with {@code Retry-After}. On a handler
 * {@link CountedAtIdempotencyClaim} the permit is deferred to the claim, which answers the same way.
 */
class RateLimitInterceptor implements HandlerInterceptor {

    static final String POLICY = "per-user";

    private final UserRateLimiter limiter;
    private final DeferredPermits deferred;

    RateLimitInterceptor(UserRateLimiter limiter, DeferredPermits deferred) {
        this.limiter = limiter;
        this.deferred = deferred;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof WalletUser user)) {
            return true;
        }
        if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(CountedAtIdempotencyClaim.class)) {
            Optional<DeferredPermit> permit = limiter.defer(user.id(), decision -> answer(response, decision));
            if (permit.isPresent()) {
                deferred.defer(permit.get());
                return true;
            }
        }
        RateLimitDecision decision = limiter.tryAcquire(user.id());
        answer(response, decision);
        if (!decision.allowed()) {
            throw new RateLimited(decision);
        }
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        deferred.takeLeftOver();
    }

    private static void answer(HttpServletResponse response, RateLimitDecision decision) {
        RateLimitFields fields =
                new RateLimitFields(POLICY, decision.limit(), Duration.ofSeconds(decision.windowSeconds()));
        if (decision.allowed()) {
            fields.allowed(response, decision.remaining());
        } else {
            fields.refused(response, decision.secondsToPermit());
        }
    }
}
