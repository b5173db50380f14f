package com.outboxwallet.api.payment.midtrans;

import com.outboxwallet.api.payment.NotificationRejected;
import com.outboxwallet.api.payment.OpenedPayment;
import com.outboxwallet.api.payment.PaymentMethod;
import com.outboxwallet.api.payment.PaymentOrder;
import com.outboxwallet.api.payment.PaymentProperties;
import com.outboxwallet.api.payment.PaymentProvider;
import com.outboxwallet.api.payment.ProviderReport;
import com.outboxwallet.api.payment.ProviderUnavailable;
import com.outboxwallet.api.payment.midtrans.MidtransTransaction.MalformedTransaction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Midtrans's Core API: a charge opens a bank-transfer (virtual account) or QRIS payment, the status API says where
 * one stands, and its HTTP notifications are told from forgeries by their {@code signature_key}. Our payment id is
 * the order id, which Midtrans refuses to charge twice: a charge whose answer was lost is found again through the
 * status API, never made twice.
 */
public final class MidtransProvider implements PaymentProvider {

    public static final String NAME = "midtrans";

    private static final Logger log = LoggerFactory.getLogger(MidtransProvider.class);

    private final URI baseUrl;
    private final String authorization;
    private final MidtransSignature signature;
    private final Duration readTimeout;
    private final String bank;
    private final @Nullable URI notificationUrl;
    private final HttpClient http;
    private final JsonMapper json;

    public MidtransProvider(PaymentProperties properties) {
        PaymentProperties.Midtrans midtrans = properties.midtrans();
        String serverKey = Objects.requireNonNull(midtrans.serverKey(), "wallet.payments.midtrans.server-key");
        this.baseUrl = midtrans.baseUrl();
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
        this.signature = new MidtransSignature(serverKey);
        this.readTimeout = midtrans.readTimeout();
        this.bank = properties.bank();
        this.notificationUrl = midtrans.notificationUrl();
        this.http = HttpClient.newBuilder()
                .connectTimeout(midtrans.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxDocumentLength(
                                        properties.notificationMaxBytes().toBytes())
                                .maxNestingDepth(8)
                                .maxNumberLength(32)
                                .build())
                        // A field given twice could be read one way by us and another by whoever signed it.
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public OpenedPayment open(PaymentOrder order) {
        HttpRequest.Builder charge = HttpRequest.newBuilder(baseUrl.resolve("/v2/charge"))
                // Midtrans keeps the first answer to a key; the order id is unique per payment, so it serves as one.
                .header("Idempotency-Key", order.orderId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(charge(order))));
        if (notificationUrl != null) {
            charge.header("X-Override-Notification", notificationUrl.toString());
        }
        HttpResponse<byte[]> answer = send(charge);
        JsonNode body = read(answer);
        String code = statusCode(answer, body);
        if (code.equals("406")) {
            // An earlier call opened it and its answer was lost (Midtrans: "duplicated order_id"): find it.
            log.info("Midtrans already has order {}; reading it from the status API", order.orderId());
            return statusBody(order.orderId())
                    .map(found -> opened(found))
                    .orElseThrow(() -> new ProviderUnavailable(
                            "Midtrans refused order " + order.orderId() + " as a duplicate but does not know it"));
        }
        if (!code.equals("201") && !code.equals("200")) {
            throw new ProviderUnavailable("Midtrans answered the charge with status " + code + ": "
                    + body.path("status_message").asString(""));
        }
        return opened(body);
    }

    @Override
    public Optional<ProviderReport> status(String orderId) {
        return statusBody(orderId).map(body -> {
            try {
                return new MidtransTransaction(body).report();
            } catch (MalformedTransaction e) {
                throw new ProviderUnavailable("Midtrans's status of " + orderId + " is unreadable: " + e.getMessage());
            }
        });
    }

    @Override
    public ProviderReport verify(Map<String, String> headers, byte[] body) {
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (JacksonException e) {
            throw new NotificationRejected.Malformed("the body is not one JSON object");
        }
        if (notification == null || !notification.isObject()) {
            throw new NotificationRejected.Malformed("the body is not one JSON object");
        }
        MidtransTransaction transaction = new MidtransTransaction(notification);
        try {
            String sent = transaction.signatureKey();
            if (sent == null
                    || !signature.matches(
                            transaction.orderId(), transaction.statusCode(), transaction.grossAmount(), sent)) {
                throw new NotificationRejected.BadSignature("signature_key does not match the notification");
            }
            return transaction.report();
        } catch (MalformedTransaction e) {
            throw new NotificationRejected.Malformed(String.valueOf(e.getMessage()));
        }
    }

    private ObjectNode charge(PaymentOrder order) {
        ObjectNode charge = json.createObjectNode();
        ObjectNode details = charge.putObject("transaction_details");
        details.put("order_id", order.orderId());
        details.put("gross_amount", order.amount());
        if (order.method() == PaymentMethod.QRIS) {
            charge.put("payment_type", "qris");
        } else {
            charge.put("payment_type", "bank_transfer");
            charge.putObject("bank_transfer").put("bank", bank);
        }
        ObjectNode expiry = charge.putObject("custom_expiry");
        expiry.put("expiry_duration", Math.max(1, order.expiry().toMinutes()));
        expiry.put("unit", "minute");
        return charge;
    }

    private OpenedPayment opened(JsonNode transaction) {
        try {
            return new MidtransTransaction(transaction).opened(bank);
        } catch (MalformedTransaction e) {
            throw new ProviderUnavailable("Midtrans's answer is unreadable: " + e.getMessage());
        }
    }

    private Optional<JsonNode> statusBody(String orderId) {
        HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(
                        baseUrl.resolve("/v2/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8) + "/status"))
                .GET());
        JsonNode body = read(answer);
        String code = statusCode(answer, body);
        if (code.equals("404")) {
            return Optional.empty();
        }
        if (answer.statusCode() != 200) {
            throw new ProviderUnavailable("Midtrans answered the status of " + orderId + " with " + code);
        }
        return Optional.of(body);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(
                    request.timeout(readTimeout)
                            .header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderUnavailable("Midtrans could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while waiting for Midtrans", e);
        }
    }

    private JsonNode read(HttpResponse<byte[]> answer) {
        if (answer.statusCode() >= 500) {
            throw new ProviderUnavailable("Midtrans answered HTTP " + answer.statusCode());
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (body == null || !body.isObject()) {
                throw new ProviderUnavailable(
                        "Midtrans answered HTTP " + answer.statusCode() + " without a JSON object");
            }
            return body;
        } catch (JacksonException e) {
            throw new ProviderUnavailable("Midtrans answered HTTP " + answer.statusCode() + " without JSON", e);
        }
    }

    /** Midtrans says the outcome in the body's status_code, and not always in the HTTP status. */
    private static String statusCode(HttpResponse<byte[]> answer, JsonNode body) {
        JsonNode code = body.get("status_code");
        return code != null && code.isString() ? code.stringValue() : Integer.toString(answer.statusCode());
    }
}
