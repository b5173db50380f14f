package com.outboxwallet.ledger.consumer;

import com.outboxwallet.ledger.LedgerProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer's containers. The listener waits out every failure of a batch itself ({@link WalletEventListener}:
 * seek back, pause the partitions, return to polling), so this error handler is only the net under anything thrown
 * outside it: it too retries without limit, never skips a batch and never sends one to a recoverer. A partition
 * revoked from this instance takes its stall with it ({@link ApplyRetries#forget}): the instance that now owns it
 * reports its own.
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
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
                retries.failed(List.of(bytes(record)), ex);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
                List<ConsumerRecord<String, byte[]>> failed = new ArrayList<>();
                records.forEach(record -> failed.add(bytes(record)));
                retries.failed(failed, ex);
            }
        });
        return handler;
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> revokedPartitionsForgotten(
            ApplyRetries retries) {
        return container -> container
                .getContainerProperties()
                .setConsumerRebalanceListener(new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        retries.forget(partitions);
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        retries.forget(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {}
                });
    }

    /** The listener's records are String keys and byte values; only their positions are read here. */
    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> bytes(ConsumerRecord<?, ?> record) {
        return (ConsumerRecord<String, byte[]>) record;
    }
}
