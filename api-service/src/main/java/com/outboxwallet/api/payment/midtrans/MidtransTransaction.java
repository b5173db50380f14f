package com.outboxwallet.api.payment.midtrans;

import com.outboxwallet.api.payment.Instructions;
import com.outboxwallet.api.payment.OpenedPayment;
import com.outboxwallet.api.payment.ProviderOutcome;
import com.outboxwallet.api.payment.ProviderReport;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Midtrans transaction as its notifications, its charge answers and its status API write it: read field by field,
 * each checked for its form, never trusted for more than it says.
 */
final class MidtransTransaction {

    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9._~-]{1,50}");
    private static final Pattern TRANSACTION_ID = Pattern.compile("[\\x21-\\x7e]{1,100}");
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern VA = Pattern.compile("[0-9]{6,32}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Midtrans writes its times in Jakarta's time, without saying so. */
    private static final ZoneId MIDTRANS_TIME = ZoneId.of("Asia/Jakarta");

    /** Midtrans's transaction_status, each to what it means for the wallet. */
    private static final Map<String, ProviderOutcome> OUTCOMES = Map.ofEntries(
            Map.entry("pending", ProviderOutcome.PENDING),
            Map.entry("authorize", ProviderOutcome.PENDING),
            Map.entry("settlement", ProviderOutcome.SETTLED),
            Map.entry("expire", ProviderOutcome.EXPIRED),
            Map.entry("cancel", ProviderOutcome.FAILED),
            Map.entry("deny", ProviderOutcome.FAILED),
            Map.entry("failure", ProviderOutcome.FAILED),
            Map.entry("refund", ProviderOutcome.REVERSED),
            Map.entry("partial_refund", ProviderOutcome.REVERSED),
            Map.entry("chargeback", ProviderOutcome.REVERSED),
            Map.entry("partial_chargeback", ProviderOutcome.REVERSED));

    private final JsonNode json;

    MidtransTransaction(JsonNode json) {
        this.json = json;
    }

    String orderId() {
        return matching("order_id", ORDER_ID);
    }

    String statusCode() {
        return matching("status_code", STATUS_CODE);
    }

    /** As written: the signature covers these characters, not the number they mean. */
    String grossAmount() {
        return matching("gross_amount", AMOUNT);
    }

    @Nullable
    String signatureKey() {
        return optionalText("signature_key");
    }

    /** @throws MalformedTransaction when a field the wallet needs is missing or not of its form */
    ProviderReport report() {
        String status = text("transaction_status");
        ProviderOutcome outcome = OUTCOMES.get(status);
        if (outcome == null) {
            // Card captures among them: cards are not a method the wallet opens.
            throw new MalformedTransaction(
                    "transaction_status '" + excerpt(status) + "' is not one of a bank transfer or QRIS payment");
        }
        String transactionId = matching("transaction_id", TRANSACTION_ID);
        String currency = json.has("currency") ? matching("currency", CURRENCY) : "IDR";
        String refund = optionalText("refund_amount");
        String dedupeKey = String.join(
                ":", transactionId, status, statusCode(), grossAmount(), refund == null ? "" : excerpt(refund));
        BigDecimal reversed = null;
        if (refund != null && status.startsWith("partial_")) {
            if (!AMOUNT.matcher(refund).matches()) {
                throw new MalformedTransaction("refund_amount '" + excerpt(refund) + "' is not of the expected form");
            }
            reversed = new BigDecimal(refund);
        }
        return new ProviderReport(
                orderId(),
                transactionId,
                outcome,
                status,
                new BigDecimal(grossAmount()),
                currency,
                dedupeKey,
                reversed);
    }

    OpenedPayment opened(String expectedBank) {
        return new OpenedPayment(report(), instructions(expectedBank), expiry());
    }

    private Instructions instructions(String bank) {
        JsonNode accounts = json.get("va_numbers");
        if (accounts != null && accounts.isArray() && !accounts.isEmpty()) {
            JsonNode first = accounts.get(0);
            return Instructions.virtualAccount(
                    first.path("bank").asString(bank), new MidtransTransaction(first).matching("va_number", VA));
        }
        String qr = optionalText("qr_string");
        if (qr != null) {
            return Instructions.qris(qr);
        }
        throw new MalformedTransaction("neither va_numbers nor qr_string: nothing tells the user how to pay");
    }

    private @Nullable Instant expiry() {
        String text = optionalText("expiry_time");
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, TIME).atZone(MIDTRANS_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new MalformedTransaction("expiry_time '" + excerpt(text) + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private String matching(String field, Pattern form) {
        String value = text(field);
        if (!form.matcher(value).matches()) {
            throw new MalformedTransaction(field + " '" + excerpt(value) + "' is not of the expected form");
        }
        return value;
    }

    private String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw new MalformedTransaction(field + " is missing");
        }
        return value;
    }

    private @Nullable String optionalText(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new MalformedTransaction(field + " must be a JSON string");
        }
        return value.stringValue();
    }

    private static String excerpt(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** A transaction the wallet cannot read: a field it needs is missing or not of its form. */
    static final class MalformedTransaction extends RuntimeException {
        MalformedTransaction(String message) {
            super(message, null, false, false);
        }
    }
}
