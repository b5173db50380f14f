package com.outboxwallet.ledger.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.Violation;
import com.outboxwallet.events.WalletEventCodec;
import com.outboxwallet.ledger.LedgerProperties;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The contract's checks are WalletEventReaderTest's; here, what the ledger adds: its trusted sources, the position. */
class ReceivedEventsTest {

    private final ReceivedEvents events = new ReceivedEvents(new LedgerProperties(
            "wallet.events",
            "wallet.events.dlt",
            null,
            Set.of("/outbox-wallet/api-service", "/outbox-wallet/payments"),
            new LedgerProperties.Retry(Duration.ofMillis(200), Duration.ofSeconds(5))));

    @Test
    void aTopUpFromATrustedSourceIsReadWithWhereItWasRead() {
        UUID id = UUID.randomUUID();

        ReceivedEvent received = events.of(aTopUpRecord(id, "/outbox-wallet/payments"));

        assertThat(received.eventId()).isEqualTo(id);
        assertThat(received.type()).isEqualTo(TopUpAccepted.TYPE);
        assertThat(received.event().idempotencyKey()).isEqualTo("key-1");
        assertThat(received.event().walletSequence()).isEqualTo(7L);
        assertThat(received.topic()).isEqualTo("wallet.events");
        assertThat(received.partition()).isEqualTo(3);
        assertThat(received.offset()).isEqualTo(99L);
    }

    @Test
    void aTopUpFromASourceNotConfiguredIsRefused() {
        assertThatThrownBy(() -> events.of(aTopUpRecord(UUID.randomUUID(), "/someone/else")))
                .isInstanceOfSatisfying(
                        InvalidWalletEvent.class, e -> assertThat(e.violation()).isEqualTo(Violation.UNTRUSTED_SOURCE))
                .hasMessageContaining("/outbox-wallet/payments");
    }

    private static ConsumerRecord<String, byte[]> aTopUpRecord(UUID eventId, String source) {
        UUID wallet = UUID.randomUUID();
        TopUpAccepted topUp = new TopUpAccepted(
                UUID.randomUUID(),
                wallet,
                UUID.randomUUID(),
                new BigDecimal("1.00"),
                "IDR",
                new BigDecimal("7.00"),
                7,
                Instant.parse("2026-11-25T06:00:00Z"));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(
                "wallet.events",
                3,
                99L,
                wallet.toString(),
                new WalletEventCodec().toJson(topUp).getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId.toString());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TYPE, TopUpAccepted.TYPE);
        header(record, CloudEventHeaders.TIME, "2026-11-25T06:00:00Z");
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(record, CloudEventHeaders.WALLET_SEQUENCE, "7");
        header(record, CloudEventHeaders.IDEMPOTENCY_KEY, "key-1");
        return record;
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
