package com.outboxwallet.relay.polling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fixed gates; hybrid mode's gate is {@code HybridSwitch}. */
@Configuration(proxyBeanMethods = false)
class PollingGates {

    @Bean
    @ConditionalOnProperty(name = "relay.mode", havingValue = "polling", matchIfMissing = true)
    PollingGate alwaysPoll() {
        return () -> true;
    }

    @Bean
    @ConditionalOnProperty(name = "relay.mode", havingValue = "cdc")
    PollingGate neverPoll() {
        return () -> false;
    }
}
