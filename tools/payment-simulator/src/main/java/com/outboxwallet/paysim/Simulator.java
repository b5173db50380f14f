package com.outboxwallet.paysim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The provider's state and what it does with it: orders, their transitions, and the notifications each transition
 * sends, delivered in order per order, retried on the schedule until the merchant answers 2xx. Every method is
 * synchronized: one provider, one lock, which is plenty for a simulator.
 */
final class Simulator implements AutoCloseable {

    /** A notification waiting to be delivered (or retried). */
    record Pending(
            String orderId,
            String status,
            String body,
            int attempt,
            Instant due,
            @Nullable String url) {}

    /** What the state file holds. */
    record State(
            List<Order> orders,
            Map<String, List<Delivery>> deliveries,
            List<Pending> pending,
            long nextVirtualAccount) {}

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    static final DateTimeFormatter MIDTRANS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final SimulatorSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().daemon().name("paysim-", 0).factory());

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
    /** Per order, its notifications not yet delivered, first one first. */
    private final Map<String, List<Pending>> queues = new LinkedHashMap<>();
    /** An order's pending notification held back by the out-of-order fault. */
    private final Map<String, Pending> heldBack = new LinkedHashMap<>();

    private final AtomicInteger deliveriesInFlight = new AtomicInteger();
    private Faults faults = Faults.none();
    private long nextVirtualAccount = 10_000_000_000L;

    Simulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (settings.notificationTrust() != null) {
            client.sslContext(trusting(settings.notificationTrust()));
        }
        this.http = client.build();
        load();
        timers.scheduleWithFixedDelay(this::expireDue, 200, 200, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::deliverDue, 50, 50, TimeUnit.MILLISECONDS);
    }

    // --- the merchant's API -------------------------------------------------------------------------------------

    synchronized Faults faults() {
        return faults;
    }

    synchronized void faults(Faults next) {
        faults = next;
        log.info("Faults now {}", next);
    }

    /** Consumes one of the server errors the faults ask for; true when this call must fail. */
    synchronized boolean nextCallFails() {
        if (faults.serverErrors() == 0) {
            return false;
        }
        if (faults.serverErrors() > 0) {
            faults = faults.withServerErrors(faults.serverErrors() - 1);
        }
        return true;
    }

    sealed interface Charged {}

    record Created(Order order) implements Charged {}

    record Replayed(Order order) implements Charged {}

    record DuplicateOrder() implements Charged {}

    record KeyReused() implements Charged {}

    synchronized Charged charge(
            String orderId,
            BigDecimal amount,
            String paymentType,
            @Nullable String bank,
            @Nullable Duration expiry,
            @Nullable String key,
            String body,
            @Nullable String notificationUrl) {
        Order existing = orders.get(orderId);
        if (existing != null) {
            if (key != null && key.equals(existing.chargeKey())) {
                return existing.chargeBody().equals(body) ? new Replayed(existing) : new KeyReused();
            }
            return new DuplicateOrder();
        }
        Instant now = clock.instant();
        String transactionId = java.util.UUID.randomUUID().toString();
        boolean qris = "qris".equals(paymentType);
        Order order = new Order(
                orderId,
                transactionId,
                paymentType,
                qris ? null : (bank == null ? "bca" : bank),
                qris ? null : Long.toString(nextVirtualAccount++),
                qris
                        ? "00020101021226620014COM.GO-JEK.WWW01189360091434" + transactionId.substring(0, 8)
                                + "6304ABCD"
                        : null,
                amount.setScale(2).toPlainString(),
                "pending",
                now,
                now.plus(expiry == null ? settings.defaultExpiry() : expiry),
                null,
                null,
                notificationUrl,
                key,
                body);
        orders.put(orderId, order);
        notifyOf(order);
        save();
        return new Created(order);
    }

    synchronized Optional<Order> order(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    synchronized Optional<Order> byVirtualAccount(String va) {
        return orders.values().stream().filter(o -> va.equals(o.vaNumber())).findFirst();
    }

    synchronized List<Order> orders() {
        return List.copyOf(orders.values());
    }

    synchronized List<Delivery> deliveriesOf(String orderId) {
        return List.copyOf(deliveries.getOrDefault(orderId, List.of()));
    }

    // --- what happens to an order -------------------------------------------------------------------------------

    /** An illegal transition: the order is not in a state that allows it. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    synchronized Order pay(String orderId) {
        Order order = existing(orderId);
        require(order, "settlement", "pending");
        Order paid = order.withStatus("settlement", clock.instant());
        if (faults.amountDelta() != null) {
            paid = paid.withGrossAmount(paid.gross()
                    .add(new BigDecimal(faults.amountDelta()))
                    .setScale(2)
                    .toPlainString());
        }
        Order moved = move(paid);
        String reversal = faults.reverseAfterSettlement();
        return reversal == null ? moved : move(paid.withStatus(reversal, clock.instant()));
    }

    synchronized Order close(String orderId, String status) {
        Order order = existing(orderId);
        switch (status) {
            case "expire", "cancel" -> require(order, status, "pending");
            case "deny" -> require(order, status, "pending", "settlement");
            case "refund", "chargeback" -> require(order, status, "settlement");
            default -> throw new Refused("no such transition: " + status);
        }
        return move(order.withStatus(status, clock.instant()));
    }

    synchronized Order refund(String orderId, @Nullable BigDecimal amount) {
        Order order = existing(orderId);
        require(order, "refund", "settlement", "partial_refund");
        if (amount == null || amount.compareTo(order.gross()) >= 0) {
            return move(order.withStatus("refund", clock.instant()));
        }
        return move(order.withRefund(amount.setScale(2).toPlainString()).withStatus("partial_refund", clock.instant()));
    }

    private Order move(Order next) {
        orders.put(next.orderId(), next);
        notifyOf(next);
        save();
        log.info("Order {} is now {} ({})", next.orderId(), next.status(), next.grossAmount());
        return next;
    }

    private Order existing(String orderId) {
        Order order = orders.get(orderId);
        if (order == null) {
            throw new Refused("no order " + orderId);
        }
        return order;
    }

    private static void require(Order order, String to, String... from) {
        if (!List.of(from).contains(order.status())) {
            throw new Refused("order " + order.orderId() + " is " + order.status() + "; it cannot become " + to);
        }
    }

    private void expireDue() {
        try {
            synchronized (this) {
                Instant now = clock.instant();
                for (Order order : List.copyOf(orders.values())) {
                    if (order.status().equals("pending") && !now.isBefore(order.expiryTime())) {
                        move(order.withStatus("expire", now));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Expiring orders failed: {}", e.toString());
        }
    }

    // --- notifications ------------------------------------------------------------------------------------------

    /** The notification Midtrans sends for the order's current state. */
    ObjectNode notification(Order order, boolean forgeSignature) {
        ObjectNode body = transaction(order);
        body.put("status_message", "midtrans payment notification");
        String key = forgeSignature ? settings.serverKey() + "-forged" : settings.serverKey();
        body.put("signature_key", signature(order.orderId(), order.statusCode(), order.grossAmount(), key));
        return body;
    }

    /** The transaction as the status API and the notifications write it. */
    ObjectNode transaction(Order order) {
        ObjectNode body = json.createObjectNode();
        body.put("transaction_time", midtransTime(order.transactionTime()));
        body.put("transaction_status", order.status());
        body.put("transaction_id", order.transactionId());
        body.put("status_code", order.statusCode());
        body.put("payment_type", order.paymentType());
        body.put("order_id", order.orderId());
        body.put("merchant_id", settings.merchantId());
        body.put("gross_amount", order.grossAmount());
        body.put("fraud_status", "accept");
        body.put("currency", "IDR");
        body.put("expiry_time", midtransTime(order.expiryTime()));
        if (order.vaNumber() != null) {
            body.putArray("va_numbers").addObject().put("bank", order.bank()).put("va_number", order.vaNumber());
        }
        if (order.qrString() != null) {
            body.put("qr_string", order.qrString());
        }
        if (order.settlementTime() != null) {
            body.put("settlement_time", midtransTime(order.settlementTime()));
        }
        if (order.refundAmount() != null) {
            body.put("refund_amount", order.refundAmount());
        }
        return body;
    }

    static String signature(String orderId, String statusCode, String grossAmount, String serverKey) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-512")
                            .digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
    }

    static String midtransTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, JAKARTA).format(MIDTRANS_TIME);
    }

    private void notifyOf(Order order) {
        if (faults.neverNotify()) {
            return;
        }
        String url = order.notificationUrl() != null ? order.notificationUrl() : settings.notificationUrl();
        if (url == null) {
            return;
        }
        String body = json.writeValueAsString(notification(order, faults.wrongSignature()));
        List<Pending> queue = queues.computeIfAbsent(order.orderId(), id -> new ArrayList<>());
        for (int i = 0; i < faults.duplicateNotifications(); i++) {
            Pending pending = new Pending(order.orderId(), order.status(), body, 1, clock.instant(), url);
            if (faults.outOfOrder() && order.status().equals("pending")) {
                heldBack.put(order.orderId(), pending); // sent after the order's next notification
                continue;
            }
            queue.add(pending);
        }
        Pending held = order.status().equals("pending") ? null : heldBack.remove(order.orderId());
        if (held != null) {
            queue.add(held);
        }
    }

    /** Sends, for each order, its first notification that is due; one at a time per order, so they arrive in order. */
    private void deliverDue() {
        List<Pending> due = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (List<Pending> queue : queues.values()) {
                if (!queue.isEmpty()
                        && !queue.get(0).due().isAfter(now)
                        && queue.get(0).attempt() > 0) {
                    Pending first = queue.get(0);
                    queue.set(
                            0,
                            new Pending(
                                    first.orderId(),
                                    first.status(),
                                    first.body(),
                                    -first.attempt(),
                                    first.due(),
                                    first.url())); // in flight: marked by a negative attempt
                    due.add(first);
                }
            }
        }
        for (Pending pending : due) {
            deliveriesInFlight.incrementAndGet();
            Thread.ofVirtual().start(() -> {
                try {
                    deliver(pending);
                } finally {
                    deliveriesInFlight.decrementAndGet();
                }
            });
        }
    }

    private void deliver(Pending pending) {
        String outcome;
        boolean accepted = false;
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(java.util.Objects.requireNonNull(pending.url())))
                            .timeout(settings.notificationTimeout())
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(pending.body()))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            outcome = Integer.toString(answer.statusCode());
            accepted = answer.statusCode() / 100 == 2;
        } catch (java.net.http.HttpTimeoutException e) {
            outcome = "timeout";
        } catch (IOException e) {
            outcome = "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (this) {
            deliveries
                    .computeIfAbsent(pending.orderId(), id -> new ArrayList<>())
                    .add(new Delivery(clock.instant(), pending.status(), pending.attempt(), outcome, accepted));
            List<Pending> queue = queues.get(pending.orderId());
            if (queue != null && !queue.isEmpty()) {
                queue.remove(0);
                int retry = pending.attempt(); // the attempt that failed: the retry waits the schedule's entry for it
                if (!accepted && retry <= settings.retrySchedule().size()) {
                    queue.add(
                            0,
                            new Pending(
                                    pending.orderId(),
                                    pending.status(),
                                    pending.body(),
                                    retry + 1,
                                    clock.instant()
                                            .plus(settings.retrySchedule().get(retry - 1)),
                                    pending.url()));
                } else if (!accepted) {
                    log.warn("Gave up notifying {} of order {}", pending.status(), pending.orderId());
                }
            }
            save();
        }
    }

    /** TLS that trusts the certificates of a PEM file, and only those; host names are verified as always. */
    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException("--notification-trust: no certificate in " + pem);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--notification-trust: " + e.getMessage(), e);
        }
    }

    int deliveriesInFlight() {
        return deliveriesInFlight.get();
    }

    /** Whether every notification due has been delivered or given up on (tests wait on it). */
    synchronized boolean quiet() {
        return deliveriesInFlight.get() == 0 && queues.values().stream().allMatch(List::isEmpty);
    }

    // --- state across restarts ----------------------------------------------------------------------------------

    private void load() {
        if (settings.stateFile() == null || !Files.exists(settings.stateFile())) {
            return;
        }
        try {
            State state = json.readValue(Files.readAllBytes(settings.stateFile()), new TypeReference<State>() {});
            state.orders().forEach(order -> orders.put(order.orderId(), order));
            state.deliveries().forEach((id, list) -> deliveries.put(id, new ArrayList<>(list)));
            for (Pending pending : state.pending()) {
                // One in flight when the simulator stopped is sent again: at least once, as providers do.
                Pending again = new Pending(
                        pending.orderId(),
                        pending.status(),
                        pending.body(),
                        Math.abs(pending.attempt()),
                        pending.due(),
                        pending.url());
                queues.computeIfAbsent(pending.orderId(), id -> new ArrayList<>())
                        .add(again);
            }
            nextVirtualAccount = state.nextVirtualAccount();
            log.info("Loaded {} orders from {}", orders.size(), settings.stateFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + settings.stateFile(), e);
        }
    }

    private void save() {
        if (settings.stateFile() == null) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        queues.values().forEach(pending::addAll);
        heldBack.values().forEach(pending::add);
        State state = new State(List.copyOf(orders.values()), deliveries, pending, nextVirtualAccount);
        try {
            var temporary =
                    settings.stateFile().resolveSibling(settings.stateFile().getFileName() + ".tmp");
            Files.write(temporary, json.writeValueAsBytes(state));
            Files.move(
                    temporary,
                    settings.stateFile(),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.stateFile(), e);
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        http.close();
    }
}
