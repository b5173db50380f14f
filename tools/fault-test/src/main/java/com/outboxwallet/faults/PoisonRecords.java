package com.outboxwallet.faults;

import com.outboxwallet.events.CloudEventHeaders;
import com.outboxwallet.events.TopUpAccepted;
import com.outboxwallet.events.WalletTopics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The {@code poison-record} fault: a malformed record on a random partition of the wallet events topic, written with
 * the relay's client settings as a buggy producer would (headers missing or null, amounts past the contract, not JSON,
 * an unknown type, another producer's source, the key not the wallet). The ledger must set each aside on its
 * dead-letter topic and go on; {@link Checker} holds it to that, by position.
 */
final class PoisonRecords {

    /** One poison written: what it is, and where. */
    record Poison(String kind, int partition, long offset) {

        String position() {
            return partition + ":" + offset;
        }
    }

    private static final List<String> KINDS = List.of(
            "null ce_id",
            "no ce_type",
            "huge exponent",
            "three fraction digits",
            "not JSON",
            "unknown type",
            "untrusted source",
            "keyed by another wallet");

    private final String bootstrapServers;

    PoisonRecords(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    Poison write(SplittableRandom random) {
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(WalletTopics.WALLET_EVENTS).size();
            RecordMetadata written = producer.send(record(kind, random.nextInt(partitions), random))
                    .get(60, TimeUnit.SECONDS);
            return new Poison(kind, written.partition(), written.offset());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write a poison record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A top-up as the relay would write it for a wallet no one has, then broken the chosen way. */
    private static ProducerRecord<String, byte[]> record(String kind, int partition, SplittableRandom random) {
        UUID wallet = new UUID(random.nextLong(), random.nextLong());
        String payload = """
                {"topUpId":"%s","walletId":"%s","userId":"%s","amount":"10.00","currency":"IDR",\
                "balanceAfter":"10.00","sequence":1,"occurredAt":"%s"}""".formatted(
                        new UUID(random.nextLong(), random.nextLong()),
                        wallet,
                        new UUID(random.nextLong(), random.nextLong()),
                        Instant.now());
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, new UUID(random.nextLong(), random.nextLong()).toString());
        header(headers, CloudEventHeaders.SOURCE, "/outbox-wallet/api-service");
        header(headers, CloudEventHeaders.TYPE, TopUpAccepted.TYPE);
        header(headers, CloudEventHeaders.TIME, Instant.now().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.WALLET_SEQUENCE, "1");
        String key = wallet.toString();
        switch (kind) {
            case "null ce_id" -> {
                headers.remove(CloudEventHeaders.ID);
                headers.add(CloudEventHeaders.ID, null);
            }
            case "no ce_type" -> headers.remove(CloudEventHeaders.TYPE);
            case "huge exponent" -> payload = payload.replace("\"10.00\"", "\"1E+2147483647\"");
            case "three fraction digits" -> payload = payload.replace("\"amount\":\"10.00\"", "\"amount\":\"1.005\"");
            case "not JSON" -> payload = payload.substring(0, payload.length() / 2);
            case "unknown type" -> {
                headers.remove(CloudEventHeaders.TYPE);
                header(headers, CloudEventHeaders.TYPE, "com.outboxwallet.wallet.topup.accepted.v2");
            }
            case "untrusted source" -> {
                headers.remove(CloudEventHeaders.SOURCE);
                header(headers, CloudEventHeaders.SOURCE, "/somebody/else");
            }
            case "keyed by another wallet" -> key = new UUID(random.nextLong(), random.nextLong()).toString();
            default -> throw new IllegalArgumentException(kind);
        }
        return new ProducerRecord<>(
                WalletTopics.WALLET_EVENTS, partition, key, payload.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
