package com.outboxwallet.paysim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's control API, typed: pay, expire, refund, read an order and its deliveries, switch faults. */
public final class SimulatorControl {

    /**
     * An order as the simulator holds it.
     *
     * @param status      Midtrans's transaction_status
     * @param grossAmount as written, {@code 150000.00}
     * @param deliveries  every attempt to deliver its notifications
     */
    public record OrderView(
            String orderId,
            String transactionId,
            String status,
            String grossAmount,
            @Nullable String vaNumber,
            List<Delivery> deliveries) {

        /** Deliveries of notifications of this status that the merchant accepted. */
        public long accepted(String ofStatus) {
            return deliveries.stream()
                    .filter(d -> d.accepted() && d.status().equals(ofStatus))
                    .count();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String baseUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    public SimulatorControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public OrderView pay(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/pay", ""));
    }

    public OrderView payVirtualAccount(String number) {
        return view(post("/simulator/virtual-accounts/" + number + "/pay", ""));
    }

    public OrderView expire(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/expire", ""));
    }

    public OrderView cancel(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/cancel", ""));
    }

    public OrderView deny(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/deny", ""));
    }

    public OrderView refund(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/refund", ""));
    }

    public OrderView chargeback(String orderId) {
        return view(post("/simulator/orders/" + orderId + "/chargeback", ""));
    }

    public OrderView order(String orderId) {
        return view(send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/orders/" + orderId))
                .GET()));
    }

    public List<OrderView> orders() {
        JsonNode all = send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/orders"))
                .GET());
        return all.valueStream().map(this::view).toList();
    }

    public void faults(Faults faults) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(faults))));
    }

    public void clearFaults() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/simulator/faults")).DELETE());
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the simulator answered " + answer.statusCode() + ": " + answer.body());
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private OrderView view(JsonNode order) {
        JsonNode accounts = order.get("va_numbers");
        return new OrderView(
                order.get("order_id").asString(),
                order.get("transaction_id").asString(),
                order.get("transaction_status").asString(),
                order.get("gross_amount").asString(),
                accounts == null ? null : accounts.get(0).get("va_number").asString(),
                order.has("deliveries")
                        ? List.of(json.treeToValue(order.get("deliveries"), Delivery[].class))
                        : List.of());
    }
}
