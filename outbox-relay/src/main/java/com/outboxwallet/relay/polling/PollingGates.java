package com.outboxwallet.relay.polling;

import com.outboxwallet.relay.ConditionalOnRelayMode;
import com.outboxwallet.relay.RelayProperties.RelayMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The fixed gates; hybrid mode's gate is {@code HybridSwitch}. */
@Configuration(proxyBeanMethods = false)
class PollingGates {

    @Bean
    @ConditionalOnRelayMode(RelayMode.POLLING)
    PollingGate alwaysPoll() {
        return () -> true;
    }

    @Bean
    @ConditionalOnRelayMode(RelayMode.CDC)
    PollingGate neverPoll() {
        return () -> false;
    }
}
