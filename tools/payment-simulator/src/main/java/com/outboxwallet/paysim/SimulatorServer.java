package com.outboxwallet.paysim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's HTTP side: Midtrans's charge and status APIs under {@code /v2}, and the control API under
 * {@code /simulator}.
 */
final class SimulatorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorServer.class);
    private static final Pattern STATUS = Pattern.compile("/v2/([^/]+)/status");
    private static final Pattern ORDER_ACTION = Pattern.compile("/simulator/orders/([^/]+)(?:/([a-z]+))?");
    private static final Pattern VA_PAY = Pattern.compile("/simulator/virtual-accounts/([0-9]+)/pay");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?");

    private final Simulator simulator;
    private final String authorization;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;

    SimulatorServer(Simulator simulator, SimulatorSettings settings) throws IOException {
        this.simulator = simulator;
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((settings.serverKey() + ":").getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v2/", this::midtrans);
        server.createContext("/simulator/", this::control);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // --- Midtrans ---------------------------------------------------------------------------------------------

    private void midtrans(HttpExchange exchange) throws IOException {
        try (exchange) {
            Faults faults = simulator.faults();
            if (faults.down()) {
                return; // closed without an answer: to the client, the provider is unreachable
            }
            if (faults.slowMillis() > 0) {
                Thread.sleep(faults.slowMillis());
            }
            if (!authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, error("401", "Access denied, please check client or server key"));
                return;
            }
            if (simulator.nextCallFails()) {
                answer(
                        exchange,
                        500,
                        error("500", "Sorry, we encountered internal server error. We will fix this soon."));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher status = STATUS.matcher(path);
            if (path.equals("/v2/charge") && exchange.getRequestMethod().equals("POST")) {
                charge(exchange);
            } else if (status.matches() && exchange.getRequestMethod().equals("GET")) {
                Optional<Order> order = simulator.order(URLDecoder.decode(status.group(1), StandardCharsets.UTF_8));
                if (order.isEmpty()) {
                    answer(exchange, 404, error("404", "Transaction doesn't exist."));
                } else {
                    ObjectNode body = simulator.transaction(order.get());
                    body.put("status_message", "Success, transaction is found");
                    answer(exchange, 200, body);
                }
            } else {
                answer(exchange, 404, error("404", "The requested resource is not found"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Midtrans API call failed", e);
        }
    }

    private void charge(HttpExchange exchange) throws IOException {
        byte[] raw = read(exchange.getRequestBody());
        JsonNode request;
        try {
            request = json.readTree(raw);
        } catch (JacksonException e) {
            answer(exchange, 400, validation("the body is not JSON"));
            return;
        }
        JsonNode details = request.path("transaction_details");
        String orderId = details.path("order_id").asString("");
        JsonNode gross = details.get("gross_amount");
        String amountText =
                gross == null ? "" : gross.isNumber() ? gross.decimalValue().toPlainString() : gross.asString("");
        if (orderId.isEmpty() || orderId.length() > 50) {
            answer(exchange, 400, validation("transaction_details.order_id is required, at most 50 characters"));
            return;
        }
        if (!AMOUNT.matcher(amountText).matches() || new BigDecimal(amountText).signum() <= 0) {
            answer(exchange, 400, validation("transaction_details.gross_amount must be positive, at most 2 decimals"));
            return;
        }
        String type = request.path("payment_type").asString("");
        if (!type.equals("bank_transfer") && !type.equals("qris")) {
            answer(exchange, 400, validation("payment_type must be bank_transfer or qris"));
            return;
        }
        Duration expiry = null;
        JsonNode custom = request.get("custom_expiry");
        if (custom != null) {
            long n = custom.path("expiry_duration").asLong(0);
            expiry = switch (custom.path("unit").asString("minute")) {
                case "hour" -> Duration.ofHours(n);
                case "day" -> Duration.ofDays(n);
                default -> Duration.ofMinutes(n);
            };
        }
        Simulator.Charged charged = simulator.charge(
                orderId,
                new BigDecimal(amountText),
                type,
                request.path("bank_transfer").path("bank").asString(null),
                expiry,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                new String(raw, StandardCharsets.UTF_8),
                exchange.getRequestHeaders().getFirst("X-Override-Notification"));
        switch (charged) {
            case Simulator.Created created -> answer(exchange, 201, chargeAnswer(created.order()));
            case Simulator.Replayed replayed -> answer(exchange, 201, chargeAnswer(replayed.order()));
            case Simulator.DuplicateOrder d ->
                answer(
                        exchange,
                        406,
                        error(
                                "406",
                                "The request could not be completed due to duplicated order_id. Please try again with"
                                        + " different order_id"));
            case Simulator.KeyReused k ->
                answer(exchange, 409, error("409", "Idempotency-Key used for another request"));
        }
    }

    private ObjectNode chargeAnswer(Order order) {
        ObjectNode body = simulator.transaction(order);
        body.put("status_code", "201");
        body.put(
                "status_message",
                order.paymentType().equals("qris")
                        ? "QRIS transaction is created"
                        : "Success, Bank Transfer transaction is created");
        if (order.paymentType().equals("qris")) {
            body.putArray("actions")
                    .addObject()
                    .put("name", "generate-qr-code")
                    .put("method", "GET")
                    .put("url", "/v2/qris/" + order.transactionId() + "/qr-code");
        }
        return body;
    }

    // --- control ----------------------------------------------------------------------------------------------

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            controlled(exchange);
        }
    }

    /** Answers within the exchange: a refusal is answered before the exchange is closed. */
    private void controlled(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher va = VA_PAY.matcher(path);
            Matcher order = ORDER_ACTION.matcher(path);
            if (path.equals("/simulator/health")) {
                answer(exchange, 200, json.createObjectNode().put("status", "UP"));
            } else if (path.equals("/simulator/faults")) {
                faults(exchange, method);
            } else if (path.equals("/simulator/orders") && method.equals("GET")) {
                answer(
                        exchange,
                        200,
                        json.valueToTree(
                                simulator.orders().stream().map(this::view).toList()));
            } else if (va.matches() && method.equals("POST")) {
                Optional<Order> owner = simulator.byVirtualAccount(va.group(1));
                if (owner.isEmpty()) {
                    answer(exchange, 404, message("no order has virtual account " + va.group(1)));
                } else {
                    answer(exchange, 200, view(simulator.pay(owner.get().orderId())));
                }
            } else if (order.matches()) {
                orderAction(exchange, method, order.group(1), order.group(2));
            } else {
                answer(exchange, 404, message("no such simulator endpoint"));
            }
        } catch (Simulator.Refused e) {
            answer(exchange, 409, message(e.getMessage()));
        } catch (IllegalArgumentException | JacksonException e) {
            answer(exchange, 400, message(e.getMessage()));
        }
    }

    private void orderAction(HttpExchange exchange, String method, String orderId, @Nullable String action)
            throws IOException {
        if (action == null && method.equals("GET")) {
            Optional<Order> found = simulator.order(orderId);
            answer(
                    exchange,
                    found.isPresent() ? 200 : 404,
                    found.map(this::view).orElseGet(() -> message("no order " + orderId)));
            return;
        }
        if (!method.equals("POST") || action == null) {
            answer(exchange, 405, message("POST /simulator/orders/{id}/{pay|expire|cancel|deny|refund|chargeback}"));
            return;
        }
        Order moved = switch (action) {
            case "pay" -> simulator.pay(orderId);
            case "refund" -> {
                JsonNode body = body(exchange);
                String amount = body.path("amount").asString(null);
                yield simulator.refund(orderId, amount == null ? null : new BigDecimal(amount));
            }
            case "expire", "cancel", "deny", "chargeback" -> simulator.close(orderId, action);
            default -> throw new IllegalArgumentException("no such action: " + action);
        };
        answer(exchange, 200, view(moved));
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "GET" -> answer(exchange, 200, json.valueToTree(simulator.faults()));
            case "PUT" -> {
                Faults faults = json.treeToValue(body(exchange), Faults.class);
                simulator.faults(faults);
                answer(exchange, 200, json.valueToTree(faults));
            }
            case "DELETE" -> {
                simulator.faults(Faults.none());
                answer(exchange, 200, json.valueToTree(Faults.none()));
            }
            default -> answer(exchange, 405, message("GET, PUT or DELETE"));
        }
    }

    /** An order as the control API shows it: its transaction, and every delivery of its notifications. */
    private ObjectNode view(Order order) {
        ObjectNode view = simulator.transaction(order);
        view.set("deliveries", json.valueToTree(simulator.deliveriesOf(order.orderId())));
        return view;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] raw = read(exchange.getRequestBody());
        return raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
    }

    private static byte[] read(InputStream in) throws IOException {
        return in.readNBytes(64 * 1024);
    }

    private ObjectNode error(String code, String message) {
        return json.createObjectNode().put("status_code", code).put("status_message", message);
    }

    private ObjectNode validation(String message) {
        ObjectNode error = error("400", "One or more parameters in the payload is invalid.");
        error.putArray("validation_messages").add(message);
        return error;
    }

    private ObjectNode message(@Nullable String message) {
        return json.createObjectNode().put("message", String.valueOf(message));
    }

    private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static List<Duration> schedule(String text) {
        return java.util.Arrays.stream(text.split(","))
                .map(SimulatorSettings::duration)
                .toList();
    }
}
