package com.outboxwallet.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.payment.WithPaymentSimulator;
import com.outboxwallet.api.payment.midtrans.SignedNotification;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against what the service really answers: a set of requests, at least one for each status the
 * document gives each operation, is sent over HTTP; every status received must be documented for its operation, and
 * every documented status must have been received, except the few this set cannot provoke (listed, with the test
 * that does).
 */
class DocumentedStatusesIT extends WithPaymentSimulator {

    /** Documented statuses this request set leaves to other tests, and which test provokes them. */
    private static final Map<String, String> PROVOKED_ELSEWHERE = Map.of(
            "409",
            "request-in-flight / wallet-busy: IdempotencyConcurrencyIT, ConcurrencyStrategiesIT",
            "429",
            "rate-limited / login-throttled: RateLimitIT, LoginThrottleIT, NotificationFloodIT (this profile's limits"
                    + " are high)",
            "503",
            "service-unavailable: DatabaseUnavailableIT; payment-provider-unavailable: FundedTopUpIT");

    private static final String BIG_BODY = "{\"amount\":\"" + "1".repeat(20_000) + "\"}";

    @Autowired
    JsonMapper json;

    @Test
    void everyStatusReceivedIsDocumentedForItsOperationAndEveryDocumentedStatusIsReceived() {
        JsonNode paths = json.readTree(api().get(null, "/v3/api-docs").body()).get("paths");
        Credentials user = aUser();
        Credentials other = aUser();
        String topUp = createdId(api().topUp(user, anyKey(), "10.00"));
        String reusedKey = anyKey();
        api().topUp(user, reusedKey, "1.00");
        UUID adminId = jdbc.sql("SELECT id FROM users WHERE username = 'admin'")
                .query(UUID.class)
                .single();

        List<Exchange> exchanges = new ArrayList<>();
        // top-ups
        exchanges.add(send("POST", "/api/v1/topups", "/api/v1/topups", user, "{\"amount\":\"5.00\"}", 201));
        exchanges.add(send("POST", "/api/v1/topups", "/api/v1/topups", user, "{\"amount\":\"abc\"}", 400));
        exchanges.add(send("POST", "/api/v1/topups", "/api/v1/topups", null, "{\"amount\":\"5.00\"}", 401));
        exchanges.add(send("POST", "/api/v1/topups", "/api/v1/topups", user, BIG_BODY, 413));
        exchanges.add(exchange(
                "POST",
                "/api/v1/topups",
                api().request(user, "/api/v1/topups")
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("5.00")),
                415));
        exchanges.add(exchange(
                "POST",
                "/api/v1/topups",
                api().request(user, "/api/v1/topups")
                        .header("Idempotency-Key", reusedKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"2.00\"}")),
                422));
        exchanges.add(exchange(
                "POST",
                "/api/v1/topups",
                api().request(user, "/api/v1/topups")
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"2.00\"}")),
                406));
        exchanges.add(get("/api/v1/topups/{id}", "/api/v1/topups/" + topUp, user, 200));
        exchanges.add(get("/api/v1/topups/{id}", "/api/v1/topups/" + topUp, other, 404));
        exchanges.add(get("/api/v1/topups/{id}", "/api/v1/topups/" + topUp, null, 401));
        exchanges.add(accept("/api/v1/topups/{id}", "/api/v1/topups/" + topUp, user, 406));
        exchanges.add(get("/api/v1/topups", "/api/v1/topups?size=5", user, 200));
        exchanges.add(get("/api/v1/topups", "/api/v1/topups?size=0", user, 400));
        exchanges.add(get("/api/v1/topups", "/api/v1/topups", null, 401));
        exchanges.add(accept("/api/v1/topups", "/api/v1/topups", user, 406));
        // wallet
        exchanges.add(get("/api/v1/wallet", "/api/v1/wallet", user, 200));
        exchanges.add(get("/api/v1/wallet", "/api/v1/wallet", null, 401));
        exchanges.add(accept("/api/v1/wallet", "/api/v1/wallet", user, 406));
        // users, for administrators
        String users = "/api/v1/admin/users";
        String newUser = "{\"username\":\"u" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"password\":\"a long enough passphrase\"}";
        HttpResponse<String> created = api().post(admin(), users, null, newUser);
        assertThat(created.statusCode()).isEqualTo(201);
        exchanges.add(new Exchange("POST", users, 201, created.statusCode()));
        String userPath = users + "/" + createdId(created);
        exchanges.add(send("POST", users, users, admin(), newUser, 409));
        exchanges.add(send("POST", users, users, admin(), "{\"username\":\"X\",\"password\":\"short\"}", 400));
        exchanges.add(send("POST", users, users, user, newUser, 403));
        exchanges.add(send("POST", users, users, null, newUser, 401));
        exchanges.add(send("POST", users, users, admin(), BIG_BODY, 413));
        exchanges.add(exchange(
                "POST",
                users,
                api().request(admin(), users)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(newUser)),
                415));
        exchanges.add(exchange(
                "POST",
                users,
                api().request(admin(), users)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                406));
        exchanges.add(get(users, users + "?size=10", admin(), 200));
        exchanges.add(get(users, users + "?size=1000", admin(), 400));
        exchanges.add(get(users, users, user, 403));
        exchanges.add(get(users, users, null, 401));
        exchanges.add(accept(users, users, admin(), 406));
        String oneUser = users + "/{id}";
        exchanges.add(get(oneUser, userPath, admin(), 200));
        exchanges.add(get(oneUser, users + "/" + UUID.randomUUID(), admin(), 404));
        exchanges.add(get(oneUser, users + "/not-a-uuid", admin(), 400));
        exchanges.add(get(oneUser, userPath, user, 403));
        exchanges.add(get(oneUser, userPath, null, 401));
        exchanges.add(accept(oneUser, userPath, admin(), 406));
        for (String action : List.of("disable", "enable")) {
            String documented = oneUser + "/" + action;
            exchanges.add(send("POST", documented, userPath + "/" + action, admin(), "", 200));
            exchanges.add(send("POST", documented, users + "/" + UUID.randomUUID() + "/" + action, admin(), "", 404));
            exchanges.add(send("POST", documented, users + "/not-a-uuid/" + action, admin(), "", 400));
            exchanges.add(send("POST", documented, userPath + "/" + action, user, "", 403));
            exchanges.add(send("POST", documented, userPath + "/" + action, null, "", 401));
            exchanges.add(exchange(
                    "POST",
                    documented,
                    api().request(admin(), userPath + "/" + action)
                            .header("Accept", "application/xml")
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    406));
        }
        exchanges.add(send("POST", oneUser + "/disable", users + "/" + adminId + "/disable", admin(), "", 409));
        String password = oneUser + "/password";
        exchanges.add(
                put(password, userPath + "/password", admin(), "{\"password\":\"another long passphrase\"}", 204));
        exchanges.add(put(password, userPath + "/password", admin(), "{\"password\":\"short\"}", 400));
        exchanges.add(put(
                password,
                users + "/" + UUID.randomUUID() + "/password",
                admin(),
                "{\"password\":\"another long passphrase\"}",
                404));
        exchanges.add(put(password, userPath + "/password", admin(), "{\"password\":", 400));
        exchanges.add(put(password, userPath + "/password", user, "{\"password\":\"another long passphrase\"}", 403));
        exchanges.add(put(password, userPath + "/password", null, "{\"password\":\"another long passphrase\"}", 401));
        exchanges.add(put(password, userPath + "/password", admin(), BIG_BODY, 413));
        exchanges.add(exchange(
                "PUT",
                password,
                api().request(admin(), userPath + "/password")
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("x")),
                415));
        // cash-in, for administrators
        String cashIns = "/api/v1/admin/users/{userId}/topups";
        String cashInPath = "/api/v1/admin/users/" + user.userId() + "/topups";
        String cashInKey = anyKey();
        HttpResponse<String> cashedIn = api().post(admin(), cashInPath, cashInKey, "{\"amount\":\"5.00\"}");
        exchanges.add(new Exchange("POST", cashIns, 201, cashedIn.statusCode()));
        exchanges.add(send("POST", cashIns, cashInPath, admin(), "{\"amount\":\"abc\"}", 400));
        exchanges.add(send("POST", cashIns, cashInPath, null, "{\"amount\":\"5.00\"}", 401));
        exchanges.add(send("POST", cashIns, cashInPath, user, "{\"amount\":\"5.00\"}", 403));
        exchanges.add(send(
                "POST",
                cashIns,
                "/api/v1/admin/users/" + UUID.randomUUID() + "/topups",
                admin(),
                "{\"amount\":\"5.00\"}",
                404));
        exchanges.add(send("POST", cashIns, cashInPath, admin(), BIG_BODY, 413));
        exchanges.add(exchange(
                "POST",
                cashIns,
                api().request(admin(), cashInPath)
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("5.00")),
                415));
        exchanges.add(exchange(
                "POST",
                cashIns,
                api().request(admin(), cashInPath)
                        .header("Idempotency-Key", cashInKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"6.00\"}")),
                422));
        exchanges.add(exchange(
                "POST",
                cashIns,
                api().request(admin(), cashInPath)
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"5.00\"}")),
                406));
        String oneCashIn = cashIns + "/{topUpId}";
        String cashInRead = cashInPath + "/" + createdId(cashedIn);
        exchanges.add(get(oneCashIn, cashInRead, admin(), 200));
        exchanges.add(get(oneCashIn, cashInPath + "/" + UUID.randomUUID(), admin(), 404));
        exchanges.add(get(oneCashIn, cashInRead, user, 403));
        exchanges.add(get(oneCashIn, cashInRead, null, 401));
        exchanges.add(accept(oneCashIn, cashInRead, admin(), 406));
        // payments (funded top-ups)
        String payments = "/api/v1/payments";
        String paymentBody = "{\"amount\":\"5.00\",\"method\":\"qris\"}";
        String paymentKey = anyKey();
        HttpResponse<String> opened = api().post(user, payments, paymentKey, paymentBody);
        exchanges.add(new Exchange("POST", payments, 201, opened.statusCode()));
        String payment = createdId(opened);
        exchanges.add(send("POST", payments, payments, user, "{\"amount\":\"5.00\",\"method\":\"cash\"}", 400));
        exchanges.add(send("POST", payments, payments, null, paymentBody, 401));
        exchanges.add(send("POST", payments, payments, user, BIG_BODY, 413));
        exchanges.add(exchange(
                "POST",
                payments,
                api().request(user, payments)
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("5.00")),
                415));
        exchanges.add(exchange(
                "POST",
                payments,
                api().request(user, payments)
                        .header("Idempotency-Key", paymentKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":\"6.00\",\"method\":\"qris\"}")),
                422));
        exchanges.add(exchange(
                "POST",
                payments,
                api().request(user, payments)
                        .header("Idempotency-Key", anyKey())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString(paymentBody)),
                406));
        String onePayment = payments + "/{id}";
        exchanges.add(get(onePayment, payments + "/" + payment, user, 200));
        exchanges.add(get(onePayment, payments + "/" + payment, other, 404));
        exchanges.add(get(onePayment, payments + "/" + payment, null, 401));
        exchanges.add(accept(onePayment, payments + "/" + payment, user, 406));
        exchanges.add(get(payments, payments + "?size=5", user, 200));
        exchanges.add(get(payments, payments + "?size=0", user, 400));
        exchanges.add(get(payments, payments, null, 401));
        exchanges.add(accept(payments, payments, user, 406));
        // the provider's webhook
        String webhook = "/webhooks/midtrans";
        exchanges.add(send(
                "POST",
                webhook,
                webhook,
                null,
                SignedNotification.aSettlement(payment, "5.00").signedWith(SERVER_KEY),
                200));
        exchanges.add(send("POST", webhook, webhook, null, "not json", 400));
        exchanges.add(send(
                "POST",
                webhook,
                webhook,
                null,
                SignedNotification.aSettlement(payment, "5.00").signedWith("not-the-server-key"),
                401));
        exchanges.add(send("POST", webhook, webhook, null, BIG_BODY, 413));
        exchanges.add(exchange(
                "POST",
                webhook,
                HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + webhook))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("x")),
                415));
        // your own account
        String own = "/api/v1/account/password";
        Credentials changer = aUser();
        exchanges.add(put(
                own, own, changer, "{\"currentPassword\":\"wrong\",\"newPassword\":\"a new long passphrase\"}", 403));
        exchanges.add(put(
                own,
                own,
                changer,
                "{\"currentPassword\":\"" + changer.password() + "\",\"newPassword\":\"short\"}",
                400));
        exchanges.add(put(own, own, null, "{}", 401));
        exchanges.add(put(own, own, changer, BIG_BODY, 413));
        exchanges.add(exchange(
                "PUT",
                own,
                api().request(changer, own)
                        .header("Content-Type", "text/plain")
                        .PUT(HttpRequest.BodyPublishers.ofString("x")),
                415));
        exchanges.add(put(
                own,
                own,
                changer,
                "{\"currentPassword\":\"" + changer.password() + "\",\"newPassword\":\"a new long passphrase\"}",
                204));

        assertThat(exchanges)
                .allSatisfy(exchange ->
                        assertThat(exchange.received()).as(exchange.toString()).isEqualTo(exchange.expected()));
        assertThat(exchanges)
                .allSatisfy(exchange -> assertThat(documented(paths, exchange.method(), exchange.path()))
                        .as("documented statuses of " + exchange.method() + " " + exchange.path())
                        .contains(String.valueOf(exchange.received())));
        Set<String> documentedButNotReceived = new TreeSet<>();
        paths.properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    for (String status : operation.getValue().get("responses").propertyNames()) {
                        boolean received = exchanges.stream()
                                .anyMatch(exchange -> exchange.path().equals(path.getKey())
                                        && exchange.method().equalsIgnoreCase(operation.getKey())
                                        && String.valueOf(exchange.received()).equals(status));
                        if (!received && !PROVOKED_ELSEWHERE.containsKey(status)) {
                            documentedButNotReceived.add(operation.getKey() + " " + path.getKey() + " " + status);
                        }
                    }
                }));
        assertThat(documentedButNotReceived).isEmpty();
    }

    private Set<String> documented(JsonNode paths, String method, String path) {
        return new TreeSet<>(
                paths.get(path).get(method.toLowerCase()).get("responses").propertyNames());
    }

    private Exchange send(String method, String documented, String path, Credentials who, String body, int expected) {
        HttpRequest.Builder request = api().request(who, path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (documented.endsWith("/topups") || documented.equals("/api/v1/payments")) {
            request.header("Idempotency-Key", anyKey());
        }
        return exchange(method, documented, request, expected);
    }

    private Exchange put(String documented, String path, Credentials who, String body, int expected) {
        return send("PUT", documented, path, who, body, expected);
    }

    private Exchange get(String documented, String path, Credentials who, int expected) {
        return exchange("GET", documented, api().request(who, path).GET(), expected);
    }

    private Exchange accept(String documented, String path, Credentials who, int expected) {
        return exchange(
                "GET",
                documented,
                api().request(who, path).header("Accept", "application/xml").GET(),
                expected);
    }

    private Exchange exchange(String method, String documented, HttpRequest.Builder request, int expected) {
        return new Exchange(
                method, documented, expected, api().send(request.build()).statusCode());
    }

    private String createdId(HttpResponse<String> created) {
        return json.readTree(created.body()).get("id").asString();
    }

    private record Exchange(String method, String path, int expected, int received) {}
}
