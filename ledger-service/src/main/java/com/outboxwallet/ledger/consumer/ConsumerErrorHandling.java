package com.outboxwallet.ledger.consumer;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.LedgerProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.Optional;

/**
 * Transient failures (database down, lock timeouts) are retried with backoff; a record that can never be applied is
 * sent to the dead-letter topic, with the reason and its original topic, partition and offset in headers, and
 * consumption goes on. No record can hold up its partition forever.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerErrorHandling {

    @Bean
    DefaultErrorHandler walletEventErrorHandler(KafkaOperations<Object, Object> kafka, LedgerProperties properties,
                                                ConsumptionMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(properties.deadLetterTopic(), -1));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            deadLetters.accept(record, e);
            metrics.countDeadLetter();
        }, backOff);
        handler.addNotRetryableExceptions(InvalidWalletEvent.class);
        return handler;
    }

    @Bean
    NewTopic walletEventsDeadLetters(LedgerProperties properties) {
        // Replication as the broker defaults it: one locally, the cluster's setting in production.
        return new NewTopic(properties.deadLetterTopic(), Optional.of(1), Optional.empty());
    }
}
