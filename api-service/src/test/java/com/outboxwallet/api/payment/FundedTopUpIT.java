package com.outboxwallet.api.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.outboxwallet.paysim.Faults;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Funded top-ups end to end against the payment simulator, a real provider process speaking Midtrans's protocol:
 * the wallet opens the payment, the simulator is paid and notifies, and the wallet is credited once, whatever the
 * simulator does wrong on purpose (docs/payments.md).
 */
class FundedTopUpIT extends WithPaymentSimulator {

    @Autowired
    JsonMapper json;

    @AfterEach
    void behave() {
        SIMULATOR.clearFaults();
    }

    @Test
    void aPaidVirtualAccountCreditsTheWalletOnce() {
        Credentials alice = aUser();

        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        assertThat(payment.get("state").asString()).isEqualTo("PENDING");
        assertThat(payment.get("payment").get("bank").asString()).isEqualTo("bca");
        assertThat(payment.get("expiresAt").asString()).isNotBlank();
        SIMULATOR.payVirtualAccount(payment.get("payment").get("virtualAccount").asString());
        awaitState(alice, payment, "SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aQrisPaymentShowsItsCodeAndCreditsOncePaid() {
        Credentials alice = aUser();

        JsonNode payment = opened(alice, anyKey(), "25000.00", "qris");

        assertThat(payment.get("payment").get("qrString").asString()).isNotBlank();
        SIMULATOR.pay(payment.get("id").asString());
        awaitState(alice, payment, "SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("25000.00");
    }

    @Test
    void aSettlementDeliveredFiveTimesCreditsOnce() {
        SIMULATOR.faults(Faults.none().withDuplicates(5));
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        await().until(() -> SIMULATOR.order(payment.get("id").asString()).accepted("settlement") == 5);
        assertThat(state(alice, payment)).isEqualTo("SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aSettlementBeforeItsPendingIsCreditedAndThePendingMovesNothing() {
        SIMULATOR.faults(Faults.none().withOutOfOrder());
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        await().until(() -> SIMULATOR.order(payment.get("id").asString()).accepted("pending") == 1);
        assertThat(state(alice, payment)).isEqualTo("SETTLED");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aSettlementNeverNotifiedIsFoundByTheReconciliation() {
        SIMULATOR.faults(Faults.none().withNeverNotify());
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        assertThat(SIMULATOR.order(payment.get("id").asString()).deliveries()).isEmpty();
        awaitState(alice, payment, "SETTLED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("150000.00");
    }

    @Test
    void notificationsSignedWithAnotherKeyAreRefusedAndTheReconciliationCreditsOnce() {
        SIMULATOR.faults(Faults.none().withWrongSignature());
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        await().until(() -> SIMULATOR.order(payment.get("id").asString()).deliveries().stream()
                .anyMatch(d -> d.status().equals("settlement") && d.outcome().equals("401")));
        awaitState(alice, payment, "SETTLED");
        assertThat(topUpsOf(alice)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_notifications WHERE order_id = :order")
                        .param("order", payment.get("id").asString())
                        .query(Long.class)
                        .single())
                .as("nothing of a forged notification is recorded")
                .isZero();
    }

    @Test
    void aReconciliationLeftPickedByAKilledInstanceIsTakenOverWithinSeconds() {
        // As kill -9 leaves it: the task picked by an instance that stopped heartbeating a minute ago.
        await().until(() ->
                jdbc.sql("""
                                UPDATE scheduled_tasks
                                   SET picked = true, picked_by = 'killed-instance',
                                       last_heartbeat = now() - interval '1 minute', version = version + 1
                                 WHERE task_name = :task AND NOT picked""").param("task", ReconciliationSchedule.TASK).update() == 1);
        SIMULATOR.faults(Faults.none().withNeverNotify());
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        awaitState(alice, payment, "SETTLED"); // only the reconciliation can tell it
        assertThat(jdbc.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = :task")
                        .param("task", ReconciliationSchedule.TASK)
                        .query(String.class)
                        .optional())
                .isNotEqualTo(java.util.Optional.of("killed-instance"));
    }

    @Test
    void anExpiredPaymentNeverCredits() {
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.expire(payment.get("id").asString());

        awaitState(alice, payment, "EXPIRED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(topUpsOf(alice)).isZero();
    }

    @Test
    void aSettlementOfAnotherAmountIsHeld() {
        SIMULATOR.faults(Faults.none().withAmountDelta("4000.00"));
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        awaitState(alice, payment, "HELD");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
    }

    @Test
    void aRefundRightAfterTheSettlementIsCompensated() {
        SIMULATOR.faults(Faults.none().withReverseAfterSettlement("refund"));
        Credentials alice = aUser();
        JsonNode payment = opened(alice, anyKey(), "150000.00", "virtual-account");

        SIMULATOR.pay(payment.get("id").asString());

        awaitState(alice, payment, "REVERSED");
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aRefundNeverNotifiedIsFoundByTheReconciliationAndCompensated() {
        Credentials alice = aUser();
        JsonNode payment = aSettledPayment(alice);

        SIMULATOR.faults(Faults.none().withNeverNotify());
        SIMULATOR.refund(payment.get("id").asString());

        assertThat(SIMULATOR.order(payment.get("id").asString()).deliveries())
                .noneMatch(delivery -> delivery.status().equals("refund"));
        awaitState(alice, payment, "REVERSED"); // only the reconciliation can tell it
        assertThat(balanceOf(alice)).isEqualByComparingTo("0.00");
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    @Test
    void aSettledPaymentIsWatchedNoMoreOnceItsWatchIsOver() {
        Credentials alice = aUser();
        JsonNode payment = aSettledPayment(alice);
        assertThat(watched(payment)).as("watched from its settlement").isTrue();

        // As if it had settled before the watch (two days by default) began.
        jdbc.sql("UPDATE payments SET updated_at = now() - interval '3 days' WHERE id = :id::uuid")
                .param("id", payment.get("id").asString())
                .update();

        await().until(() -> !watched(payment));
        assertThat(state(alice, payment)).isEqualTo("SETTLED");
    }

    /** Opened, paid and credited, with every notification delivered. */
    private JsonNode aSettledPayment(Credentials user) {
        JsonNode payment = opened(user, anyKey(), "150000.00", "virtual-account");
        SIMULATOR.pay(payment.get("id").asString());
        awaitState(user, payment, "SETTLED");
        return payment;
    }

    private boolean watched(JsonNode payment) {
        return jdbc.sql("SELECT watched_at IS NOT NULL FROM payments WHERE id = :id::uuid")
                .param("id", payment.get("id").asString())
                .query(Boolean.class)
                .single();
    }

    @Test
    void aChargeWhoseAnswerWasLostIsFoundByItsRetryNotOpenedTwice() {
        // The provider answers after the wallet stopped waiting: the payment exists there, the wallet does not know.
        SIMULATOR.faults(Faults.none().withSlow(1_500));
        Credentials alice = aUser();
        String key = anyKey();

        HttpResponse<String> lost = open(alice, key, "150000.00", "virtual-account");

        assertThat(lost.statusCode()).isEqualTo(503);
        SIMULATOR.clearFaults();
        JsonNode payment = await().until(
                        () -> open(alice, key, "150000.00", "virtual-account"), r -> r.statusCode() == 201)
                .body()
                .transform(json::readTree);
        assertThat(payment.get("state").asString()).isEqualTo("PENDING");
        assertThat(payment.get("payment").get("virtualAccount").asString()).isNotBlank();
        assertThat(SIMULATOR.orders())
                .filteredOn(order -> order.orderId().equals(payment.get("id").asString()))
                .hasSize(1);
    }

    @Test
    void whileTheProviderIsDownPaymentsAre503AndTheCircuitOpensThenOneOpensOnce() {
        SIMULATOR.faults(Faults.none().withDown());
        Credentials alice = aUser();
        String key = anyKey();

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> refused = open(alice, key, "150000.00", "virtual-account");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(circuitState("open")).isEqualTo(1.0);

        SIMULATOR.clearFaults();
        HttpResponse<String> recovered = await().atMost(Duration.ofSeconds(20))
                .until(() -> open(alice, key, "150000.00", "virtual-account"), r -> r.statusCode() == 201);
        String id = json.readTree(recovered.body()).get("id").asString();
        assertThat(SIMULATOR.orders())
                .filteredOn(order -> order.orderId().equals(id))
                .hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE user_id = :user")
                        .param("user", alice.userId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        await().until(() -> circuitState("closed") == 1.0);
    }

    private double circuitState(String state) {
        String metrics = api().get(admin(), "/actuator/prometheus").body();
        return metrics.lines()
                .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{")
                        && line.contains("name=\"payment-provider\"")
                        && line.contains("state=\"" + state + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(-1);
    }

    private JsonNode opened(Credentials user, String key, String amount, String method) {
        HttpResponse<String> answer = open(user, key, amount, method);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> open(Credentials user, String key, String amount, String method) {
        return api().post(
                        user, "/api/v1/payments", key, "{\"amount\":\"" + amount + "\",\"method\":\"" + method + "\"}");
    }

    private void awaitState(Credentials user, JsonNode payment, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> state(user, payment).equals(state));
    }

    private String state(Credentials user, JsonNode payment) {
        return json.readTree(
                        api().get(user, "/api/v1/payments/" + payment.get("id").asString())
                                .body())
                .get("state")
                .asString();
    }

    private BigDecimal balanceOf(Credentials user) {
        return jdbc.sql("SELECT balance FROM wallets WHERE id = :id")
                .param("id", user.walletId())
                .query(BigDecimal.class)
                .single();
    }
}
