package com.outboxwallet.ledger.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.ledger.bookkeeping.ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReceivedEventsTest {

    private static final String TYPE = "com.outboxwallet.wallet.topup.accepted.v1";

    @Test
    void readsIdTypeKeyAndPosition() {
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, byte[]> record = aRecord(new byte[] {'{', '}'});
        header(record, CloudEventHeaders.ID, id.toString());
        header(record, CloudEventHeaders.TYPE, TYPE);
        header(record, CloudEventHeaders.IDEMPOTENCY_KEY, "key-1");

        ReceivedEvent envelope = ReceivedEvents.of(record);

        assertThat(envelope.eventId()).isEqualTo(id);
        assertThat(envelope.type()).isEqualTo(TYPE);
        assertThat(envelope.idempotencyKey()).isEqualTo("key-1");
        assertThat(envelope.topic()).isEqualTo("wallet.events");
        assertThat(envelope.partition()).isEqualTo(3);
        assertThat(envelope.offset()).isEqualTo(99L);
    }

    @Test
    void readsTheWalletSequenceHeaderAndToleratesItsAbsence() {
        ConsumerRecord<String, byte[]> withSequence = aRecord(new byte[] {'{', '}'});
        header(withSequence, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(withSequence, CloudEventHeaders.TYPE, TYPE);
        header(withSequence, CloudEventHeaders.WALLET_SEQUENCE, "7");
        header(withSequence, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ConsumerRecord<String, byte[]> without = aRecord(new byte[] {'{', '}'});
        header(without, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(without, CloudEventHeaders.TYPE, TYPE);

        assertThat(ReceivedEvents.of(withSequence).walletSequence()).isEqualTo(7L);
        assertThat(ReceivedEvents.of(without).walletSequence()).isNull();
    }

    @Test
    void aWalletSequenceThatIsNotANumberIsRejectedAsPoison() {
        ConsumerRecord<String, byte[]> record = aRecord(new byte[] {'{', '}'});
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, TYPE);
        header(record, CloudEventHeaders.WALLET_SEQUENCE, "seven");

        assertThatThrownBy(() -> ReceivedEvents.of(record))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("seven");
    }

    @Test
    void recordWithoutEventIdIsRejectedAsPoison() {
        ConsumerRecord<String, byte[]> record = aRecord(new byte[] {'{', '}'});
        header(record, CloudEventHeaders.TYPE, TYPE);

        assertThatThrownBy(() -> ReceivedEvents.of(record))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("wallet.events-3@99");
    }

    @Test
    void eventIdThatIsNotAUuidIsRejectedAsPoison() {
        ConsumerRecord<String, byte[]> record = aRecord(new byte[] {'{', '}'});
        header(record, CloudEventHeaders.ID, "not-a-uuid");
        header(record, CloudEventHeaders.TYPE, TYPE);

        assertThatThrownBy(() -> ReceivedEvents.of(record))
                .isInstanceOf(InvalidWalletEvent.class)
                .hasMessageContaining("not-a-uuid");
    }

    @Test
    void tombstoneIsRejectedAsPoison() {
        ConsumerRecord<String, byte[]> record = aRecord(null);
        header(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
        header(record, CloudEventHeaders.TYPE, TYPE);

        assertThatThrownBy(() -> ReceivedEvents.of(record)).isInstanceOf(InvalidWalletEvent.class);
    }

    private static ConsumerRecord<String, byte[]> aRecord(byte[] value) {
        return new ConsumerRecord<>("wallet.events", 3, 99L, "wallet", value);
    }

    private static void header(ConsumerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
