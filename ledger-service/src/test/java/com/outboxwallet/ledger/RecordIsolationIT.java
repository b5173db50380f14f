package com.outboxwallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.ledger.bookkeeping.FailingLedgerStore;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rule one, for the failures no check at the edge catches: a record whose application throws, whatever it throws (an
 * exception, or an {@code Error} such as the OutOfMemoryError a huge exponent once caused), is found by applying its
 * batch in halves, set aside on the dead-letter topic with the class of what was thrown, and its neighbours apply; the
 * listener container keeps running. On a topic, consumer group and database of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + LedgerServiceApplication.CONFIG_NAME,
            "ledger.topic=" + RecordIsolationIT.TOPIC,
            "ledger.dead-letter-topic=" + RecordIsolationIT.TOPIC + ".dlt",
            "spring.kafka.consumer.group-id=ledger-isolation-test"
        })
class RecordIsolationIT extends LedgerTestSupport {

    static final String TOPIC = "wallet.events.isolation";

    @Autowired
    FailingLedgerStore store;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, "ledger_isolation_test");
    }

    @TestConfiguration
    static class FailingStore {

        @Bean
        @Primary
        FailingLedgerStore failingLedgerStore(JdbcClient jdbc) {
            return new FailingLedgerStore(jdbc);
        }
    }

    @Override
    String topic() {
        return TOPIC;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("an OutOfMemoryError", (Supplier<Throwable>)
                        () -> new OutOfMemoryError("too large to fit in a String")),
                Arguments.of("a StackOverflowError", (Supplier<Throwable>) StackOverflowError::new),
                Arguments.of("an IllegalStateException", (Supplier<Throwable>)
                        () -> new IllegalStateException("a bug met by one record")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void aRecordWhoseApplicationThrowsIsSetAsideAndItsNeighboursApply(String name, Supplier<Throwable> failure) {
        UUID wallet = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        TopUpAccepted before = aTopUpOf("1.00", wallet, 1);
        TopUpAccepted culprit = aTopUpOf("2.00", wallet, 2);
        TopUpAccepted after = aTopUpOf("3.00", wallet, 3);
        TopUpAccepted elsewhere = aTopUpOf("4.00", other, 1);
        store.failOn(culprit.topUpId(), failure);
        Throwable expected = failure.get();

        publish(UUID.randomUUID(), before);
        RecordMetadata poison = send(asRecord(topic(), UUID.randomUUID(), culprit));
        publish(UUID.randomUUID(), after);
        publish(UUID.randomUUID(), elsewhere);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> auditRowsOf(after.topUpId()) == 1 && auditRowsOf(elsewhere.topUpId()) == 1);
        assertThat(auditRowsOf(before.topUpId())).isOne();
        assertThat(auditRowsOf(culprit.topUpId())).isZero();
        assertThat(balanceOf(wallet)).isEqualByComparingTo("4.00");
        ConsumerRecord<String, byte[]> deadLetter = deadLetterOf(poison);
        assertThat(header(deadLetter, "ledger_dlt-reason")).isEqualTo("failed-alone");
        assertThat(header(deadLetter, "ledger_dlt-exception"))
                .isEqualTo(expected.getClass().getName());
        assertThat(listeners.getListenerContainers()).allMatch(MessageListenerContainer::isRunning);
    }
}
