package com.outboxwallet.api.payment.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.web.IdempotentAnswers;
import com.outboxwallet.api.payment.PaymentNotFound;
import com.outboxwallet.api.payment.PaymentOutcome;
import com.outboxwallet.api.payment.Payments;
import com.outboxwallet.problems.Page;
import com.outboxwallet.problems.Paging;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "payments",
        description = "Funded top-ups: open a payment at the payment provider, pay it, and the wallet is credited"
                + " once the provider settles it (docs/payments.md).")
@ProblemResponses({"unauthorized", "rate-limited", "login-throttled", "not-acceptable", "service-unavailable"})
@RestController
@RequestMapping(PaymentController.PATH)
@ConditionalOnBooleanProperty("wallet.payments.enabled")
class PaymentController {

    static final String PATH = "/api/v1/payments";

    private final Payments payments;

    PaymentController(Payments payments) {
        this.payments = payments;
    }

    @Operation(
            operationId = "createPayment",
            summary = "Open a funded top-up, once per Idempotency-Key",
            description = "Records the request, opens a payment at the payment provider and answers how to pay it"
                    + " (a virtual account to transfer to, or a QRIS code) and by when. Nothing is credited now:"
                    + " the wallet is credited once, when the provider settles the payment. A retry with the same key"
                    + " and body answers the same payment (Idempotent-Replayed: true); while the provider is down"
                    + " the answer is 503 and the retry opens the payment once.")
    @ProblemResponses({
        "invalid-request",
        "malformed-body",
        "idempotency-key-invalid",
        "payload-too-large",
        "unsupported-media-type",
        "idempotency-key-reused",
        "balance-ceiling-exceeded",
        "payment-provider-unavailable"
    })
    @ApiResponse(
            responseCode = "201",
            description = "Opened (state PENDING, with how to pay); or, with Idempotent-Replayed: true, the payment"
                    + " this key opened, as it stands now",
            headers = {
                @Header(
                        name = "Location",
                        description = "the payment",
                        schema = @Schema(type = "string", format = "uri-reference")),
                @Header(
                        name = IdempotentAnswers.IDEMPOTENT_REPLAYED,
                        description = "true when this key opened the payment before",
                        schema = @Schema(type = "string", allowableValues = "true"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PaymentResponse.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PaymentResponse> open(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(
                            description = "1 to 255 printable ASCII characters, new for every payment you mean to"
                                    + " open; reuse it only to retry the same request",
                            required = true,
                            schema = @Schema(maxLength = 255, pattern = "^[\\x20-\\x7E]{1,255}$"))
                    @RequestHeader(name = IdempotentAnswers.IDEMPOTENCY_KEY, required = false)
                    String key,
            @RequestBody PaymentRequest request) {
        var amount = request.parsedAmount(); // the body first, then the key, as a client reads the errors
        var method = request.parsedMethod();
        PaymentOutcome outcome = payments.open(user.id(), new IdempotencyKey(key), amount, method);
        return IdempotentAnswers.created(
                PATH + "/" + outcome.payment().id(), outcome.replayed(), PaymentResponse.of(outcome.payment()));
    }

    @Operation(
            operationId = "getPayment",
            summary = "Read one of your payments: where it stands",
            description = "Another user's payment, or an id that is not a UUID, is not found: ids reveal nothing.")
    @ApiResponse(responseCode = "200", description = "The payment")
    @ProblemResponses("not-found")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    PaymentResponse payment(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(description = "the payment's id", schema = @Schema(format = "uuid")) @PathVariable String id) {
        return PaymentResponse.of(payments.find(user.id(), parseId(id)));
    }

    @Operation(
            operationId = "listPayments",
            summary = "List your payments, newest first",
            description = "Pages of your payments, the newest first; totalElements counts all of them.")
    @ApiResponse(responseCode = "200", description = "One page of your payments")
    @ProblemResponses("invalid-request")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page<PaymentResponse> payments(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "payments per page") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        List<PaymentResponse> content = payments.page(user.id(), page, size).stream()
                .map(PaymentResponse::of)
                .toList();
        return new Page<>(content, page, size, payments.count(user.id()));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PaymentNotFound();
        }
    }
}
