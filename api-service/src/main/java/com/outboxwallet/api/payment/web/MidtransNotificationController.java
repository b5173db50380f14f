package com.outboxwallet.api.payment.web;

import com.outboxwallet.api.payment.NotificationsRateLimited;
import com.outboxwallet.api.payment.PaymentNotifications;
import com.outboxwallet.api.payment.PaymentProperties;
import com.outboxwallet.api.ratelimit.RateLimitDecision;
import com.outboxwallet.api.ratelimit.UserRateLimiter;
import com.outboxwallet.problems.ProblemResponses;
import com.outboxwallet.problems.RateLimitFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Midtrans's HTTP notifications. Authenticated by their signature alone (no login: the provider has none), read from
 * the bytes received, recorded, then answered: 200 once the news is safe, whether it was new or a repeat; 401 for a
 * signature that is not the provider's (nothing recorded); 429 past the per-address limit, before anything is read;
 * 503 while the wallet's database is down, so that Midtrans retries.
 */
@Tag(name = "payment notifications", description = "The payment provider's notifications (webhooks).")
@RestController
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class MidtransNotificationController {

    static final String PATH = "/webhooks/midtrans";

    static final String POLICY = "per-address";

    private final PaymentNotifications notifications;
    private final UserRateLimiter limiter;
    private final PaymentProperties.NotificationLimit limit;

    MidtransNotificationController(
            PaymentNotifications notifications, UserRateLimiter limiter, PaymentProperties properties) {
        this.notifications = notifications;
        this.limiter = limiter;
        this.limit = properties.notificationLimit();
    }

    /** @param status {@code recorded} when the news is new, {@code duplicate} when it was recorded before */
    record Acknowledged(
            @Schema(allowableValues = {"recorded", "duplicate"})
            String status) {}

    @Operation(
            operationId = "receiveMidtransNotification",
            summary = "Midtrans's HTTP notification of a payment's status",
            description = "Signed with signature_key = SHA-512(order_id + status_code + gross_amount + server key).")
    @ApiResponse(responseCode = "200", description = "Recorded (or recorded before)")
    @ProblemResponses({
        "notification-signature-invalid",
        "rate-limited",
        "invalid-request",
        "payload-too-large",
        "unsupported-media-type",
        "service-unavailable"
    })
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Acknowledged receive(HttpServletRequest request, HttpServletResponse response, @RequestBody byte[] body) {
        RateLimitDecision decision =
                limiter.tryAcquire("webhook:" + request.getRemoteAddr(), limit.requests(), limit.window());
        RateLimitFields fields = new RateLimitFields(POLICY, decision.limit(), limit.window());
        if (!decision.allowed()) {
            fields.refused(response, decision.secondsToPermit());
            throw new NotificationsRateLimited(decision.limit(), decision.windowSeconds(), decision.secondsToPermit());
        }
        return new Acknowledged(
                notifications.receive(headers(request), body).name().toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return headers;
    }
}
