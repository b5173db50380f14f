package com.outboxwallet.api.payment.midtrans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.payment.NotificationRejected;
import com.outboxwallet.api.payment.PaymentProperties;
import com.outboxwallet.api.payment.ProviderOutcome;
import com.outboxwallet.api.payment.ProviderReport;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MidtransNotificationsTest {

    private static final String SERVER_KEY = "SB-Mid-server-test-key-1234";

    private final MidtransProvider midtrans = new MidtransProvider(new PaymentProperties(
            true,
            Duration.ofMinutes(60),
            "bca",
            DataSize.ofKilobytes(16),
            Duration.ofSeconds(10),
            new PaymentProperties.NotificationLimit(600, Duration.ofSeconds(60)),
            new PaymentProperties.Midtrans(
                    URI.create("http://localhost:1"), SERVER_KEY, Duration.ofSeconds(1), Duration.ofSeconds(1), null),
            new PaymentProperties.CircuitBreaker(50, 10, 5, Duration.ofSeconds(30), 2),
            new PaymentProperties.Reconciliation(
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(15),
                    Duration.ofDays(2),
                    Duration.ofHours(6),
                    100,
                    Duration.ofSeconds(10))));

    @Test
    void theSignatureIsSha512OfOrderStatusAmountAndServerKey() {
        // printf '%s' 'order-1200150000.00SB-Mid-server-test-key-1234' | sha512sum
        assertThat(new MidtransSignature(SERVER_KEY).of("order-1", "200", "150000.00"))
                .isEqualTo("f2ec880cd3672a1e4957b927b1bbd36dfc55417ba0326fb7b1b4b04c3cf6ada4"
                        + "a8b93b3af44682337c86ebb3605f009eef074edae8451c85bf69db917fd6b69d");
    }

    @Test
    void aSignedSettlementIsReadAsSettled() {
        ProviderReport report = midtrans.verify(Map.of(), aNotification("settlement", "200", "150000.00", null));

        assertThat(report.orderId()).isEqualTo("order-1");
        assertThat(report.transactionId()).isEqualTo("tx-1");
        assertThat(report.outcome()).isEqualTo(ProviderOutcome.SETTLED);
        assertThat(report.amount()).isEqualByComparingTo(new BigDecimal("150000.00"));
        assertThat(report.currency()).isEqualTo("IDR");
        assertThat(report.dedupeKey()).isEqualTo("tx-1:settlement:200:150000.00:");
    }

    @Test
    void eachMidtransStatusMeansOneOutcome() {
        assertThat(outcomeOf("pending", "201")).isEqualTo(ProviderOutcome.PENDING);
        assertThat(outcomeOf("expire", "202")).isEqualTo(ProviderOutcome.EXPIRED);
        assertThat(outcomeOf("cancel", "202")).isEqualTo(ProviderOutcome.FAILED);
        assertThat(outcomeOf("deny", "202")).isEqualTo(ProviderOutcome.FAILED);
        assertThat(outcomeOf("refund", "200")).isEqualTo(ProviderOutcome.REVERSED);
        assertThat(outcomeOf("chargeback", "200")).isEqualTo(ProviderOutcome.REVERSED);
    }

    @Test
    void aSignatureOfAnotherAmountIsRefused() {
        String signedFor100 = new MidtransSignature(SERVER_KEY).of("order-1", "200", "100.00");

        assertThatThrownBy(
                        () -> midtrans.verify(Map.of(), aNotification("settlement", "200", "150000.00", signedFor100)))
                .isInstanceOf(NotificationRejected.BadSignature.class);
    }

    @Test
    void theSignatureCoversTheAmountAsWrittenNotTheNumberItMeans() {
        // Signed over "150000.00", sent as "150000.0": the same number, not the same bytes.
        String signed = new MidtransSignature(SERVER_KEY).of("order-1", "200", "150000.00");

        assertThatThrownBy(() -> midtrans.verify(Map.of(), aNotification("settlement", "200", "150000.0", signed)))
                .isInstanceOf(NotificationRejected.BadSignature.class);
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsRefused() {
        String forged = new MidtransSignature("another-server-key-0000").of("order-1", "200", "150000.00");

        assertThatThrownBy(() -> midtrans.verify(Map.of(), aNotification("settlement", "200", "150000.00", forged)))
                .isInstanceOf(NotificationRejected.BadSignature.class);
    }

    @Test
    void aNotificationWithoutSignatureIsRefused() {
        byte[] unsigned = """
                {"order_id":"order-1","status_code":"200","gross_amount":"150000.00",
                 "transaction_id":"tx-1","transaction_status":"settlement"}""".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> midtrans.verify(Map.of(), unsigned))
                .isInstanceOf(NotificationRejected.BadSignature.class);
    }

    @Test
    void aFieldGivenTwiceIsRefusedRatherThanReadOneWay() {
        String signature = new MidtransSignature(SERVER_KEY).of("order-1", "200", "1.00");
        byte[] twice = ("{\"order_id\":\"order-1\",\"status_code\":\"200\",\"gross_amount\":\"1.00\","
                        + "\"gross_amount\":\"150000.00\",\"transaction_id\":\"tx-1\","
                        + "\"transaction_status\":\"settlement\",\"signature_key\":\"" + signature + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> midtrans.verify(Map.of(), twice)).isInstanceOf(NotificationRejected.Malformed.class);
    }

    @Test
    void aStatusMidtransNeverSendsIsRefused() {
        assertThatThrownBy(() -> midtrans.verify(Map.of(), aNotification("paid", "200", "150000.00", null)))
                .isInstanceOf(NotificationRejected.Malformed.class)
                .hasMessageContaining("transaction_status");
    }

    @Test
    void anAmountOfThreeDecimalsIsRefused() {
        assertThatThrownBy(() -> midtrans.verify(Map.of(), aNotification("settlement", "200", "1.001", null)))
                .isInstanceOf(NotificationRejected.Malformed.class)
                .hasMessageContaining("gross_amount");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> midtrans.verify(Map.of(), "order_id=1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotificationRejected.Malformed.class);
        assertThatThrownBy(() -> midtrans.verify(Map.of(), "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NotificationRejected.Malformed.class);
    }

    private ProviderOutcome outcomeOf(String status, String code) {
        return midtrans.verify(Map.of(), aNotification(status, code, "150000.00", null))
                .outcome();
    }

    /** A notification as Midtrans sends it, signed with our key unless a signature is given. */
    private static byte[] aNotification(String status, String statusCode, String grossAmount, String signature) {
        String signed = signature != null
                ? signature
                : new MidtransSignature(SERVER_KEY).of("order-1", statusCode, grossAmount);
        return ("{\"transaction_time\":\"2026-12-05 10:00:00\",\"transaction_status\":\"" + status + "\","
                        + "\"transaction_id\":\"tx-1\",\"status_message\":\"midtrans payment notification\","
                        + "\"status_code\":\"" + statusCode + "\",\"signature_key\":\"" + signed + "\","
                        + "\"payment_type\":\"bank_transfer\",\"order_id\":\"order-1\",\"merchant_id\":\"G000000001\","
                        + "\"gross_amount\":\"" + grossAmount + "\",\"fraud_status\":\"accept\",\"currency\":\"IDR\","
                        + "\"va_numbers\":[{\"bank\":\"bca\",\"va_number\":\"12345678901\"}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
