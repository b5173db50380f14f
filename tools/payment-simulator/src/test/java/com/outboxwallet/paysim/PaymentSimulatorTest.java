package com.outboxwallet.paysim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator over its real HTTP API, its notifications received by a real webhook. */
class PaymentSimulatorTest {

    private static final String KEY = "SB-Mid-server-simulator-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();
    private NotificationReceiver merchant;
    private Simulator simulator;
    private SimulatorServer server;
    private SimulatorControl control;

    @BeforeEach
    void start() throws IOException {
        merchant = new NotificationReceiver();
        simulator = new Simulator(
                new SimulatorSettings(
                        0,
                        KEY,
                        "G000000001",
                        merchant.url(),
                        List.of(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100)),
                        Duration.ofSeconds(2),
                        Duration.ofDays(1),
                        null,
                        "127.0.0.1",
                        null),
                Clock.systemUTC());
        server = new SimulatorServer(
                simulator,
                new SimulatorSettings(
                        0,
                        KEY,
                        "G000000001",
                        null,
                        List.of(),
                        Duration.ofSeconds(1),
                        Duration.ofDays(1),
                        null,
                        "127.0.0.1",
                        null));
        control = new SimulatorControl(base());
    }

    @AfterEach
    void stop() {
        server.close();
        simulator.close();
        merchant.close();
    }

    @Test
    void aChargeOpensAVirtualAccountAndNotifiesPendingThenItsSettlementSigned() {
        String order = anOrderId();

        HttpResponse<String> charged = charge(order, "150000.00", null);

        assertThat(charged.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(charged.body());
        assertThat(body.get("transaction_status").asString()).isEqualTo("pending");
        assertThat(body.get("gross_amount").asString()).isEqualTo("150000.00");
        String va = body.get("va_numbers").get(0).get("va_number").asString();
        await().until(() -> merchant.statuses().contains("pending"));

        control.payVirtualAccount(va);

        await().until(() -> merchant.statuses().contains("settlement"));
        JsonNode settlement = merchant.received().getLast();
        assertThat(settlement.get("signature_key").asString())
                .isEqualTo(Simulator.signature(order, "200", "150000.00", KEY));
        assertThat(status(order).get("transaction_status").asString()).isEqualTo("settlement");
    }

    @Test
    void theSignatureIsSha512OfOrderStatusAmountAndKey() {
        // printf '%s' 'order-1200150000.00SB-Mid-server-test-key-1234' | sha512sum
        assertThat(Simulator.signature("order-1", "200", "150000.00", "SB-Mid-server-test-key-1234"))
                .isEqualTo("f2ec880cd3672a1e4957b927b1bbd36dfc55417ba0326fb7b1b4b04c3cf6ada4"
                        + "a8b93b3af44682337c86ebb3605f009eef074edae8451c85bf69db917fd6b69d");
    }

    @Test
    void anOrderIdIsChargedOnceAndItsKeyReplaysTheFirstAnswer() {
        String order = anOrderId();
        HttpResponse<String> first = charge(order, "10.00", "key-1");

        HttpResponse<String> replay = charge(order, "10.00", "key-1");
        HttpResponse<String> otherKey = charge(order, "10.00", "key-2");
        HttpResponse<String> otherBody = charge(order, "11.00", "key-1");

        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(json.readTree(replay.body()).get("transaction_id").asString())
                .isEqualTo(json.readTree(first.body()).get("transaction_id").asString());
        assertThat(otherKey.statusCode()).isEqualTo(406);
        assertThat(json.readTree(otherKey.body()).get("status_code").asString()).isEqualTo("406");
        assertThat(otherBody.statusCode()).isEqualTo(409);
    }

    @Test
    void aCallWithoutTheServerKeyIsRefused() throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + "/v2/anything/status"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertThat(json.readTree(statusAnswer("no-such-order").body())
                        .get("status_code")
                        .asString())
                .isEqualTo("404");
    }

    @Test
    void aNotificationTheMerchantRefusesIsRetriedOnTheScheduleUntilAccepted() {
        merchant.answerWith(500, 503);
        String order = anOrderId();

        charge(order, "10.00", null);

        await().until(() -> control.order(order).accepted("pending") == 1);
        assertThat(control.order(order).deliveries())
                .extracting(Delivery::outcome)
                .containsExactly("500", "503", "200");
        assertThat(merchant.statuses()).containsExactly("pending", "pending", "pending");
    }

    @Test
    void faultDownClosesTheConnectionWithoutAnAnswer() {
        control.faults(Faults.none().withDown());

        assertThatThrownBy(() -> HTTP.send(
                        HttpRequest.newBuilder(URI.create(base() + "/v2/x/status"))
                                .header("Authorization", auth())
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void faultServerErrorsAnswers500ForAsManyCalls() {
        control.faults(Faults.none().withServerErrors(1));

        assertThat(statusAnswer("x").statusCode()).isEqualTo(500);
        assertThat(statusAnswer("x").statusCode()).isEqualTo(404);
    }

    @Test
    void faultSlowAnswersAfterTheDelay() {
        control.faults(Faults.none().withSlow(700));
        long started = System.nanoTime();

        statusAnswer("x");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    @Test
    void faultDuplicatesDeliversEveryNotificationSoManyTimes() {
        control.faults(Faults.none().withDuplicates(3));
        String order = anOrderId();
        charge(order, "10.00", null);

        control.pay(order);

        await().until(() -> control.order(order).accepted("settlement") == 3);
        assertThat(control.order(order).accepted("pending")).isEqualTo(3);
    }

    @Test
    void faultOutOfOrderSendsThePendingAfterTheSettlement() {
        control.faults(Faults.none().withOutOfOrder());
        String order = anOrderId();
        charge(order, "10.00", null);

        control.pay(order);

        await().until(() -> merchant.statuses().size() == 2);
        assertThat(merchant.statuses()).containsExactly("settlement", "pending");
    }

    @Test
    void faultNeverNotifyLeavesTheStatusApiAsTheOnlyWayToKnow() {
        control.faults(Faults.none().withNeverNotify());
        String order = anOrderId();
        charge(order, "10.00", null);

        control.pay(order);

        assertThat(status(order).get("transaction_status").asString()).isEqualTo("settlement");
        assertThat(simulator.quiet()).isTrue();
        assertThat(merchant.received()).isEmpty();
    }

    @Test
    void faultWrongSignatureSignsWithAnotherKey() {
        control.faults(Faults.none().withWrongSignature());
        String order = anOrderId();

        charge(order, "10.00", null);

        await().until(() -> !merchant.received().isEmpty());
        assertThat(merchant.received().getFirst().get("signature_key").asString())
                .isNotEqualTo(Simulator.signature(order, "201", "10.00", KEY));
    }

    @Test
    void faultAmountDeltaSettlesAnotherAmount() {
        control.faults(Faults.none().withAmountDelta("2500.00"));
        String order = anOrderId();
        charge(order, "150000.00", null);

        control.pay(order);

        assertThat(status(order).get("gross_amount").asString()).isEqualTo("152500.00");
        await().until(() -> merchant.statuses().contains("settlement"));
        assertThat(merchant.received().getLast().get("gross_amount").asString()).isEqualTo("152500.00");
    }

    @Test
    void faultReverseAfterSettlementRefundsRightAway() {
        control.faults(Faults.none().withReverseAfterSettlement("refund"));
        String order = anOrderId();
        charge(order, "10.00", null);

        control.pay(order);

        await().until(() -> merchant.statuses().contains("refund"));
        assertThat(merchant.statuses()).containsSubsequence("pending", "settlement", "refund");
        assertThat(status(order).get("transaction_status").asString()).isEqualTo("refund");
    }

    @Test
    void aPaymentExpiresByItselfAndCannotBePaidAfter() {
        String order = anOrderId();
        charge(order, "10.00", null, "{\"expiry_duration\":0,\"unit\":\"minute\"}");

        await().until(() -> status(order).get("transaction_status").asString().equals("expire"));
        assertThatThrownBy(() -> control.pay(order)).hasMessageContaining("409");
    }

    @Test
    void aRestartedSimulatorKeepsItsOrders(@TempDir Path state) {
        String order = anOrderId();
        SimulatorProcess.Options options = SimulatorProcess.options(KEY).stateFile(state.resolve("simulator.json"));
        try (SimulatorProcess first = SimulatorProcess.start(options)) {
            charge(first.baseUrl(), order);
        }

        try (SimulatorProcess second = SimulatorProcess.start(options)) {
            assertThat(second.control().order(order).status()).isEqualTo("pending");
            assertThat(second.control().pay(order).status()).isEqualTo("settlement");
        }
    }

    @Test
    void aSimulatorWhoseParentDiedExitsToo() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Process simulator = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PaymentSimulator.class.getName(),
                        "--server-key=" + KEY,
                        "--port=0",
                        "--parent-pid=" + parent.pid())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            await().during(Duration.ofMillis(500)).until(simulator::isAlive);

            parent.destroy();

            await().atMost(Duration.ofSeconds(10)).until(() -> !simulator.isAlive());
        } finally {
            parent.destroyForcibly();
            simulator.destroyForcibly();
        }
    }

    private void charge(String base, String order) {
        send(base, "POST", "/v2/charge", chargeBody(order, "10.00", null), null);
    }

    private HttpResponse<String> charge(String order, String amount, String key) {
        return charge(order, amount, key, null);
    }

    private HttpResponse<String> charge(String order, String amount, String key, String expiry) {
        return send(base(), "POST", "/v2/charge", chargeBody(order, amount, expiry), key);
    }

    private static String chargeBody(String order, String amount, String expiry) {
        return "{\"payment_type\":\"bank_transfer\",\"transaction_details\":{\"order_id\":\"" + order
                + "\",\"gross_amount\":" + amount + "},\"bank_transfer\":{\"bank\":\"bca\"}"
                + (expiry == null ? "" : ",\"custom_expiry\":" + expiry) + "}";
    }

    private JsonNode status(String order) {
        return json.readTree(statusAnswer(order).body());
    }

    private HttpResponse<String> statusAnswer(String order) {
        return send(base(), "GET", "/v2/" + order + "/status", null, null);
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", auth())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String auth() {
        return "Basic " + Base64.getEncoder().encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static String anOrderId() {
        return UUID.randomUUID().toString();
    }
}
