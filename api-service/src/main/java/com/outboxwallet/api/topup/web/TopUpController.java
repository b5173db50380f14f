package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.idempotency.web.IdempotentAnswers;
import com.outboxwallet.api.ratelimit.web.CountedAtIdempotencyClaim;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.IdempotentTopUps;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.TopUpOutcome;
import com.outboxwallet.api.topup.TopUpService;
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

@Tag(name = "top-ups", description = "Top up your own wallet, exactly once per Idempotency-Key, and read your top-ups.")
@ProblemResponses({"unauthorized", "rate-limited", "login-throttled", "not-acceptable", "service-unavailable"})
@RestController
@RequestMapping(TopUpController.PATH)
class TopUpController {

    static final String PATH = "/api/v1/topups";

    private final IdempotentTopUps idempotentTopUps;
    private final TopUpService topUps;

    TopUpController(IdempotentTopUps idempotentTopUps, TopUpService topUps) {
        this.idempotentTopUps = idempotentTopUps;
        this.topUps = topUps;
    }

    @Operation(
            operationId = "createTopUp",
            summary = "Top up your own wallet, once per Idempotency-Key",
            description = "Credits the amount to your wallet and records the top-up and its event in one"
                    + " transaction. A retry with the same key and body answers the first response again"
                    + " (Idempotent-Replayed: true) and never credits twice.")
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
        "limit-exceeded"
    })
    @ApiResponse(
            responseCode = "201",
            description = "Topped up; or, with Idempotent-Replayed: true, the first response to this key again",
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
    ResponseEntity<TopUpResponse> topUp(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(
                            description = "1 to 255 printable ASCII characters, new for every top-up "
                                    + "you mean to make; reuse it only to retry the same request",
                            required = true,
                            schema = @Schema(maxLength = 255, pattern = "^[\\x20-\\x7E]{1,255}$"))
                    @RequestHeader(name = IdempotentAnswers.IDEMPOTENCY_KEY, required = false)
                    String key,
            @RequestBody TopUpRequest request) {
        Amount amount = request.parsedAmount(); // the body first, then the key, as a client reads the errors
        TopUpOutcome outcome = idempotentTopUps.topUp(user.id(), new IdempotencyKey(key), amount);
        return IdempotentAnswers.created(
                PATH + "/" + outcome.topUp().id(), outcome.replayed(), TopUpResponse.of(outcome.topUp()));
    }

    @Operation(
            operationId = "getTopUp",
            summary = "Read one of your top-ups",
            description = "Another user's top-up, or an id that is not a UUID, is not found: ids reveal nothing.")
    @ApiResponse(responseCode = "200", description = "The top-up")
    @ProblemResponses("not-found")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    TopUpResponse topUp(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(description = "the top-up's id", schema = @Schema(format = "uuid")) @PathVariable String id) {
        return TopUpResponse.of(topUps.find(user.id(), parseId(id)));
    }

    @Operation(
            operationId = "listTopUps",
            summary = "List your top-ups, newest first",
            description = "Pages of your top-ups, the newest first; totalElements counts all of them.")
    @ApiResponse(responseCode = "200", description = "One page of your top-ups")
    @ProblemResponses("invalid-request")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page<TopUpResponse> topUps(
            @AuthenticationPrincipal WalletUser user,
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "top-ups per page") @RequestParam(defaultValue = "20") @Min(1) @Max(100)
                    int size) {
        List<TopUpResponse> content = topUps.page(user.id(), page, size).stream()
                .map(TopUpResponse::of)
                .toList();
        return new Page<>(content, page, size, topUps.count(user.id()));
    }

    /** A malformed id addresses nothing this caller owns: the same 404 as another user's top-up. */
    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new TopUpNotFound();
        }
    }
}
