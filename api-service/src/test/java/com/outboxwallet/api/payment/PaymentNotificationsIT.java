package com.outboxwallet.api.payment;

import static com.outboxwallet.api.payment.midtrans.SignedNotification.aDenial;
import static com.outboxwallet.api.payment.midtrans.SignedNotification.aPending;
import static com.outboxwallet.api.payment.midtrans.SignedNotification.aRefund;
import static com.outboxwallet.api.payment.midtrans.SignedNotification.aSettlement;
import static com.outboxwallet.api.payment.midtrans.SignedNotification.anExpiry;
import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import com.outboxwallet.api.payment.midtrans.SignedNotification;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook, with the test playing the provider's part: signed notifications posted as Midtrans posts them, to
 * payments already opened. Whatever their number and order, a settled payment credits once, and news that comes too
 * late moves nothing (docs/payments.md, "The rule for every odd case").
 */
@TestPropertySource(
        properties = {
            "wallet.payments.enabled=true",
            "wallet.payments.midtrans.server-key=" + PaymentNotificationsIT.SERVER_KEY,
            // Nothing listens there: these tests never call the provider.
            "wallet.payments.midtrans.base-url=http://127.0.0.1:9"
        })
class PaymentNotificationsIT extends ApiServiceIntegrationTest {

    static final String SERVER_KEY = "SB-Mid-server-notifications-it";

    @Autowired
    JsonMapper json;

    @Autowired
    MeterRegistry meters;

    @Test
    void aSettlementCreditsTheWalletOnceWithItsFunding() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        HttpResponse<String> answer = notify(aSettlement(payment.toString(), "150000.00"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json.readTree(answer.body()).get("status").asString()).isEqualTo("recorded");
        assertThat(stateOf(payment)).isEqualTo("SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        JsonNode event = json.readTree(jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = :wallet")
                .param("wallet", alice.walletId())
                .query(String.class)
                .single());
        assertThat(event.get("funding").get("paymentId").asString()).isEqualTo(payment.toString());
        assertThat(event.get("funding").get("provider").asString()).isEqualTo("midtrans");
        assertThat(event.get("funding").get("providerTransactionId").asString()).isEqualTo("tx-" + payment);

        JsonNode read =
                json.readTree(api().get(alice, "/api/v1/payments/" + payment).body());
        assertThat(read.get("state").asString()).isEqualTo("SETTLED");
        assertThat(read.get("topUpId").asString()).isNotBlank();
    }

    @Test
    void theSameSettlementFiveTimesIsRecordedOnceAndCreditsOnce() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        List<String> answers = IntStream.range(0, 5)
                .mapToObj(i -> notify(aSettlement(payment.toString(), "150000.00")))
                .map(answer -> json.readTree(answer.body()).get("status").asString())
                .toList();

        assertThat(answers).containsExactly("recorded", "duplicate", "duplicate", "duplicate", "duplicate");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(notificationsOf(payment)).isEqualTo(1);
    }

    @Test
    void settlementsRacingEachOtherCreditOnce() throws Exception {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");
        // Each delivery differs (another transaction id is another notification), so each is recorded and applied:
        // only the guarded transition keeps them from crediting twice.
        List<Callable<HttpResponse<String>>> deliveries = IntStream.range(0, 8)
                .mapToObj(i -> (Callable<HttpResponse<String>>) () ->
                        notify(aSettlement(payment.toString(), "150000.00").withTransactionId("tx-race-" + i)))
                .toList();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<HttpResponse<String>> answer : pool.invokeAll(deliveries)) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        }

        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aPendingAfterItsSettlementMovesNothingBack() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(aSettlement(payment.toString(), "150000.00"));
        notify(aPending(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("SETTLED");
        assertThat(resultOf(payment, "pending")).isEqualTo("STALE");
    }

    @Test
    void anExpiryAfterTheSettlementDoesNotUndoIt() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(aSettlement(payment.toString(), "150000.00"));
        notify(anExpiry(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
    }

    @Test
    void anExpiredPaymentCreditsNothing() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(anExpiry(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("EXPIRED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aSettlementAfterTheExpiryIsCreditedAndFlaggedPaidLate() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(anExpiry(payment.toString(), "150000.00"));
        notify(aSettlement(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(json.readTree(api().get(alice, "/api/v1/payments/" + payment).body())
                        .get("paidLate")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDenialBeforePaymentFailsIt() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(aDenial(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("FAILED");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aSettlementOfAnotherAmountIsHeldNotCredited() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(aSettlement(payment.toString(), "152500.00"));

        assertThat(stateOf(payment)).isEqualTo("HELD");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT held_reason FROM payments WHERE id = :id")
                        .param("id", payment)
                        .query(String.class)
                        .single())
                .contains("152500.00", "150000.00");
    }

    @Test
    void aRefundOfACreditedPaymentGivesTheMoneyBackOnceAndTellsTheLedger() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");
        notify(aSettlement(payment.toString(), "150000.00"));

        notify(aRefund(payment.toString(), "150000.00"));
        notify(aRefund(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("REVERSED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT count(*) FROM payment_reversals WHERE payment_id = :id")
                        .param("id", payment)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        JsonNode reversal = json.readTree(
                jdbc.sql("SELECT payload::text FROM outbox WHERE aggregate_id = :wallet AND event_type = :type")
                        .param("wallet", alice.walletId())
                        .param("type", "com.outboxwallet.wallet.topup.reversed.v1")
                        .query(String.class)
                        .single());
        assertThat(reversal.get("amount").asString()).isEqualTo("150000.00");
        assertThat(reversal.get("debited").asString()).isEqualTo("150000.00");
        assertThat(reversal.get("balanceAfter").asString()).isEqualTo("0.00");
        assertThat(reversal.get("sequence").asLong()).isEqualTo(2);
        assertThat(reversal.get("reason").asString()).isEqualTo("refund");
        assertThat(reversal.get("funding").get("paymentId").asString()).isEqualTo(payment.toString());
    }

    @Test
    void aReversalLargerThanTheBalanceTakesWhatIsThereAndRecordsTheShortfall() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");
        notify(aSettlement(payment.toString(), "150000.00"));
        // The user spent most of it (a debit this wallet does not offer yet, written as one would be).
        jdbc.sql("UPDATE wallets SET balance = 40000.00 WHERE id = :id")
                .param("id", alice.walletId())
                .update();

        notify(aRefund(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("REVERSED");
        assertThat(balanceOf(alice)).as("never below zero").isEqualByComparingTo("0.00");
        assertThat(jdbc.sql("SELECT shortfall FROM payment_reversals WHERE payment_id = :id")
                        .param("id", payment)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("110000.00");
    }

    @Test
    void aDenialAfterTheSettlementReversesIt() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");
        notify(aSettlement(payment.toString(), "150000.00"));

        notify(aDenial(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("REVERSED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
    }

    @Test
    void aRefundBeforeTheSettlementWasHeardOfLeavesNothingCredited() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        notify(aRefund(payment.toString(), "150000.00"));
        notify(aSettlement(payment.toString(), "150000.00"));

        assertThat(stateOf(payment)).isEqualTo("REVERSED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aForgedNotificationIsRefusedAndNothingIsRecorded() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");

        HttpResponse<String> forged =
                post(aSettlement(payment.toString(), "150000.00").signedWith("a-key-that-is-not-the-merchants"));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).get("type").asString())
                .isEqualTo("/problems/notification-signature-invalid");
        assertThat(notificationsOf(payment)).isZero();
        assertThat(stateOf(payment)).isEqualTo("PENDING");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestAndAnUnsignedOneUnauthorized() {
        HttpResponse<String> notJson = post("order_id=x&transaction_status=settlement");
        HttpResponse<String> unsigned = post("{\"order_id\":\"x\",\"transaction_status\":\"settlement\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notJson.body()).get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(notJson.body()).doesNotContain("Exception");
        assertThat(unsigned.statusCode()).isEqualTo(401);
    }

    @Test
    void aNotificationOfAnOrderThatIsNotOursIsRecordedAndChangesNothing() {
        String stranger = UUID.randomUUID().toString();

        HttpResponse<String> answer = notify(aSettlement(stranger, "150000.00"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT result FROM payment_notifications WHERE order_id = :order")
                        .param("order", stranger)
                        .query(String.class)
                        .single())
                .isEqualTo("UNKNOWN_PAYMENT");
    }

    @Test
    void whatBecomesOfEachNotificationAndEachPaymentIsCounted() {
        Credentials alice = aUser();
        UUID payment = aPendingPayment(alice, "150000.00");
        double settled = count("wallet.payment.transitions", "to", "SETTLED");
        double forged = count("wallet.payment.notifications", "outcome", "bad-signature");
        double duplicates = count("wallet.payment.notifications", "outcome", "duplicate");

        post(aSettlement(payment.toString(), "150000.00").signedWith("a-key-that-is-not-the-merchants"));
        notify(aSettlement(payment.toString(), "150000.00"));
        notify(aSettlement(payment.toString(), "150000.00"));

        assertThat(count("wallet.payment.transitions", "to", "SETTLED")).isEqualTo(settled + 1);
        assertThat(count("wallet.payment.notifications", "outcome", "bad-signature"))
                .isEqualTo(forged + 1);
        assertThat(count("wallet.payment.notifications", "outcome", "duplicate"))
                .isEqualTo(duplicates + 1);
        assertThat(meters.get("wallet.payments.held").gauge()).isNotNull();
        assertThat(meters.get("wallet.payments.overdue").gauge()).isNotNull();
    }

    private double count(String name, String tag, String value) {
        return meters.get(name).tag(tag, value).counter().count();
    }

    private HttpResponse<String> notify(SignedNotification notification) {
        return post(notification.signedWith(SERVER_KEY));
    }

    private HttpResponse<String> post(String body) {
        return api().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/midtrans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A payment the provider opened and the user has not paid yet, as the open path leaves it. */
    private UUID aPendingPayment(Credentials user, String amount) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO payments (id, user_id, wallet_id, idempotency_key, request_fingerprint, amount,
                            currency, method, provider, provider_order_id, state, bank, virtual_account, expires_at,
                            created_at, updated_at)
                        VALUES (:id, :user, :wallet, :key, :fingerprint, :amount, 'IDR', 'VIRTUAL_ACCOUNT', 'midtrans',
                            :order, 'PENDING', 'bca', '12345678901', :expires, :now, :now)""")
                .param("id", id)
                .param("user", user.userId())
                .param("wallet", user.walletId())
                .param("key", anyKey())
                .param("fingerprint", "0".repeat(64))
                .param("amount", new BigDecimal(amount))
                .param("order", id.toString())
                .param("expires", now.plusHours(1))
                .param("now", now)
                .update();
        return id;
    }

    private String stateOf(UUID payment) {
        return jdbc.sql("SELECT state FROM payments WHERE id = :id")
                .param("id", payment)
                .query(String.class)
                .single();
    }

    private BigDecimal balanceOf(Credentials user) {
        return jdbc.sql("SELECT balance FROM wallets WHERE id = :id")
                .param("id", user.walletId())
                .query(BigDecimal.class)
                .single();
    }

    private long notificationsOf(UUID payment) {
        return jdbc.sql("SELECT count(*) FROM payment_notifications WHERE order_id = :order")
                .param("order", payment.toString())
                .query(Long.class)
                .single();
    }

    private String resultOf(UUID payment, String providerStatus) {
        return jdbc.sql("SELECT result FROM payment_notifications WHERE order_id = :order AND provider_status = :s")
                .param("order", payment.toString())
                .param("s", providerStatus)
                .query(String.class)
                .single();
    }
}
