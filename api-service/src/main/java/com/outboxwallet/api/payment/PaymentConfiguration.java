package com.outboxwallet.api.payment;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provider's calls, behind their circuit breaker; the provider itself comes from its own package. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class PaymentConfiguration {

    @Bean
    ProviderCalls providerCalls(PaymentProvider provider, PaymentProperties properties, MeterRegistry meters) {
        return new ProviderCalls(provider, properties.circuitBreaker(), meters);
    }
}
