package com.outboxwallet.api.topup.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.idempotency.IdempotencyKey;
import com.outboxwallet.api.topup.Amount;
import com.outboxwallet.api.topup.IdempotentTopUps;
import com.outboxwallet.api.topup.TopUp;
import com.outboxwallet.api.topup.TopUpNotFound;
import com.outboxwallet.api.topup.TopUpOutcome;
import com.outboxwallet.api.topup.TopUpService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping(TopUpController.PATH)
class TopUpController {

    static final String PATH = "/api/v1/topups";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final IdempotentTopUps idempotentTopUps;
    private final TopUpService topUps;

    TopUpController(IdempotentTopUps idempotentTopUps, TopUpService topUps) {
        this.idempotentTopUps = idempotentTopUps;
        this.topUps = topUps;
    }

    @Operation(summary = "Top up your own wallet, once per Idempotency-Key")
    @ApiResponse(responseCode = "201", description = "Topped up; or, with Idempotent-Replayed: true, the first "
            + "response to this key again", headers = {
            @Header(name = "Location", description = "the top-up",
                    schema = @Schema(type = "string", format = "uri-reference")),
            @Header(name = IDEMPOTENT_REPLAYED, description = "true when this is a replay of the first response",
                    schema = @Schema(type = "string", allowableValues = "true"))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TopUpResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid amount, body or key (/problems/invalid-request, "
            + "/problems/malformed-body, /problems/idempotency-key-invalid)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "The first request with this key is still running "
            + "(/problems/request-in-flight), or the wallet is busy (/problems/wallet-busy); retry the same request",
            headers = @Header(name = "Retry-After", description = "seconds",
                    schema = @Schema(type = "integer", minimum = "1")), content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "413", description = "Body too large (/problems/payload-too-large)", content =
            @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "415", description = "Not application/json (/problems/unsupported-media-type)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "The key was used for a different request "
            + "(/problems/idempotency-key-reused), the balance would pass its ceiling "
            + "(/problems/balance-ceiling-exceeded), or today's top-ups would pass a daily limit "
            + "(/problems/limit-exceeded, with remainingAmount, remainingCount and resetsAt); nothing was written", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<TopUpResponse> topUp(@AuthenticationPrincipal WalletUser user,
                                 @Parameter(description = "1 to 255 printable ASCII characters, new for every top-up "
                                         + "you mean to make; reuse it only to retry the same request",
                                         required = true, schema = @Schema(maxLength = 255,
                                         pattern = "^[\\x20-\\x7E]{1,255}$"))
                                 @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                 @RequestBody TopUpRequest request) {
        Amount amount = request.parsedAmount(); // the body first, then the key, as a client reads the errors
        TopUpOutcome outcome = idempotentTopUps.topUp(user.id(), new IdempotencyKey(key), amount);
        ResponseEntity.BodyBuilder created = ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(PATH + "/" + outcome.topUp().id()))
                .contentType(MediaType.APPLICATION_JSON);
        if (outcome.replayed()) {
            created.header(IDEMPOTENT_REPLAYED, "true");
        }
        return created.body(TopUpResponse.of(outcome.topUp()));
    }

    @Operation(summary = "Read one of your top-ups")
    @ApiResponse(responseCode = "200", description = "The top-up")
    @ApiResponse(responseCode = "404", description = "No top-up of yours has this id, or it is not a UUID "
            + "(/problems/not-found)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    TopUpResponse topUp(@AuthenticationPrincipal WalletUser user, @PathVariable String id) {
        return TopUpResponse.of(topUps.find(user.id(), parseId(id)));
    }

    @Operation(summary = "List your top-ups, newest first")
    @ApiResponse(responseCode = "200", description = "One page of your top-ups")
    @ApiResponse(responseCode = "400", description = "page or size out of range (/problems/invalid-request)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    TopUpPage topUps(@AuthenticationPrincipal WalletUser user,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<TopUpResponse> content = topUps.page(user.id(), page, size).stream().map(TopUpResponse::of).toList();
        return new TopUpPage(content, page, size, topUps.count(user.id()));
    }

    record TopUpPage(List<TopUpResponse> content, int page, int size, long totalElements) {
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
