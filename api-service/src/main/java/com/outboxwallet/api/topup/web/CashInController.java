package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.audit.AuditTrail;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.web.IdempotentAnswers;
import com.outboxwallet.api.ratelimit.web.CountedAtIdempotencyClaim;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.IdempotentTopUps;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.TopUpOutcome;
import com.outboxwallet.api.topup.TopUpService;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An operator's cash-in: crediting a user's wallet at a counter, on their behalf (ROLE_ADMIN, SecurityConfiguration). */
@Tag(
        name = "cash-in",
        description = "Operators credit a user's wallet directly, on the user's behalf: a cash-in at a counter."
                + " Allowed unless wallet.top-ups.direct is off.")
@ProblemResponses({
    "unauthorized",
    "forbidden",
    "rate-limited",
    "login-throttled",
    "not-acceptable",
    "service-unavailable"
})
@RestController
@RequestMapping(CashInController.PATH)
class CashInController {

    static final String PATH = "/api/v1/admin/users/{userId}/topups";

    private final IdempotentTopUps idempotentTopUps;
    private final TopUpService topUps;
    private final AuditTrail audit;

    CashInController(IdempotentTopUps idempotentTopUps, TopUpService topUps, AuditTrail audit) {
        this.idempotentTopUps = idempotentTopUps;
        this.topUps = topUps;
        this.audit = audit;
    }

    @Operation(
            operationId = "cashIn",
            summary = "Credit a user's wallet on their behalf, once per Idempotency-Key",
            description = "Cash taken at a counter: the user's wallet is credited, with its top-up and event, in one"
                    + " transaction, and the operator is written to the audit log. The key is the wallet's, as for"
                    + " any top-up: a retry with it answers the first response again.")
    @ProblemResponses({
        "invalid-request",
        "malformed-body",
        "idempotency-key-invalid",
        "request-in-flight",
        "wallet-busy",
        "payload-too-large",
        "unsupported-media-type",
        "idempotency-key-reused",
        "balance-ceiling-exceeded",
        "limit-exceeded",
        "direct-top-up-not-allowed",
        "not-found"
    })
    @ApiResponse(
            responseCode = "201",
            description = "Credited; or, with Idempotent-Replayed: true, the first response to this key again",
            headers = {
                @Header(
                        name = "Location",
                        description = "the top-up",
                        schema = @Schema(type = "string", format = "uri-reference")),
                @Header(
                        name = IdempotentAnswers.IDEMPOTENT_REPLAYED,
                        description = "true when this is a replay of the first response",
                        schema = @Schema(type = "string", allowableValues = "true"))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = TopUpResponse.class)))
    @CountedAtIdempotencyClaim
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TopUpResponse> cashIn(
            @AuthenticationPrincipal WalletUser operator,
            @Parameter(description = "the user whose wallet is credited", schema = @Schema(format = "uuid"))
                    @PathVariable
                    String userId,
            @Parameter(
                            description = "1 to 255 printable ASCII characters, new for every cash-in",
                            required = true,
                            schema = @Schema(maxLength = 255, pattern = "^[\\x20-\\x7E]{1,255}$"))
                    @RequestHeader(name = IdempotentAnswers.IDEMPOTENCY_KEY, required = false)
                    String key,
            @RequestBody TopUpRequest request,
            HttpServletRequest http) {
        UUID user = parseId(userId);
        Amount amount = request.parsedAmount();
        TopUpOutcome outcome = idempotentTopUps.cashIn(user, new IdempotencyKey(key), amount);
        if (!outcome.replayed()) {
            audit.cashIn(operator.getUsername(), user, outcome.topUp().id(), amount.toString(), http.getRemoteAddr());
        }
        return IdempotentAnswers.created(
                "/api/v1/admin/users/" + user + "/topups/" + outcome.topUp().id(),
                outcome.replayed(),
                TopUpResponse.of(outcome.topUp()));
    }

    @Operation(
            operationId = "getCashIn",
            summary = "Read a top-up of a user's wallet",
            description = "Any top-up of the user's wallet: a cash-in, their own, or a settled payment's.")
    @ApiResponse(responseCode = "200", description = "The top-up")
    @ProblemResponses("not-found")
    @GetMapping(path = "/{topUpId}", produces = MediaType.APPLICATION_JSON_VALUE)
    TopUpResponse topUp(
            @Parameter(schema = @Schema(format = "uuid")) @PathVariable String userId,
            @Parameter(schema = @Schema(format = "uuid")) @PathVariable String topUpId) {
        return TopUpResponse.of(topUps.find(parseId(userId), parseId(topUpId)));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new TopUpNotFound();
        }
    }
}
