package com.outboxwallet.api.payment;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call the wallet makes to its payment provider, behind one circuit breaker: while the provider fails, calls
 * stop for {@code open-for} and the user is answered at once (503, retry later) instead of after a timeout per
 * request. Each call is timed ({@code wallet_payment_provider_calls_seconds}); the breaker's state is
 * {@code resilience4j_circuitbreaker_state{name="payment-provider"}}.
 */
public class ProviderCalls {

    static final String BREAKER = "payment-provider";
    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final PaymentProvider provider;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    public ProviderCalls(PaymentProvider provider, PaymentProperties.CircuitBreaker settings, MeterRegistry meters) {
        this.provider = provider;
        this.meters = meters;
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.trialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // Only the provider failing counts against it; a bug of ours is not its outage.
                .recordExceptions(ProviderUnavailable.class)
                .build());
        this.breaker = breakers.circuitBreaker(BREAKER);
        breaker.getEventPublisher()
                .onStateTransition(event -> log.warn("Payment provider circuit {}", event.getStateTransition()));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        // Every series from the start, so that panels and alerts read zeros rather than nothing.
        for (String operation : List.of("open", "status")) {
            for (String outcome : List.of("ok", "unavailable", "not-called", "error")) {
                timer(operation, outcome);
            }
        }
    }

    public String providerName() {
        return provider.name();
    }

    /** @throws ProviderUnavailable when the provider failed, or the circuit is open and it was not called */
    public OpenedPayment open(PaymentOrder order) {
        return call("open", () -> provider.open(order));
    }

    /** @throws ProviderUnavailable when the provider failed, or the circuit is open and it was not called */
    public Optional<ProviderReport> status(String orderId) {
        return call("status", () -> provider.status(orderId));
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    private <T> T call(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "ok";
        try {
            return breaker.executeSupplier(call);
        } catch (CallNotPermittedException e) {
            outcome = "not-called";
            throw new ProviderUnavailable("the payment provider's circuit is open", e);
        } catch (ProviderUnavailable e) {
            outcome = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            outcome = "error";
            throw e;
        } finally {
            sample.stop(timer(operation, outcome));
        }
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("wallet.payment.provider.calls")
                .description("Calls to the payment provider, by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }
}
