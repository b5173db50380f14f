package com.outboxwallet.api.payment.midtrans;

import com.outboxwallet.api.payment.PaymentProperties;
import com.outboxwallet.api.payment.PaymentProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Midtrans is the wallet's payment provider (the one protocol built so far). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class MidtransConfiguration {

    @Bean
    PaymentProvider midtrans(PaymentProperties properties) {
        return new MidtransProvider(properties);
    }
}
