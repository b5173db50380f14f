package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.LedgerProperties;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when applying a batch throws. The listener has already set aside every record that can never be
 * applied ({@link DeadLetters}), so what reaches this handler is an infrastructure failure: the ledger's database
 * unreachable, failing over, read-only or timing out, or the dead-letter topic not acknowledging. Such a failure may
 * pass and says nothing against the records, so the whole batch is retried without limit, with capped exponential
 * back-off, its partitions paused meanwhile (the consumer keeps polling, so it stays in its group). A record therefore
 * holds up its partition for as long as the infrastructure is down, and no valid top-up is ever dead-lettered for it.
 * {@link ApplyRetries} makes the stall visible while it lasts.
 */
@Configuration(proxyBeanMethods = false)
class ConsumerErrorHandling {

    @Bean
    DefaultErrorHandler walletEventErrorHandler(LedgerProperties properties, ApplyRetries retries) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
        // No maximum elapsed time or attempts: giving up would mean skipping valid top-ups.
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("never reached: batches are retried without limit", e);
                },
                backOff);
        // Every exception is worth retrying; none sends a batch to the recoverer.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
                retries.failed(1, deliveryAttempt, ex);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                retries.failed(records.count(), deliveryAttempt, ex);
            }
        });
        return handler;
    }

    @Bean
    NewTopic walletEventsDeadLetters(LedgerProperties properties) {
        // Replication as the broker defaults it: one locally, the cluster's setting in production.
        return new NewTopic(properties.deadLetterTopic(), Optional.of(1), Optional.empty());
    }
}
