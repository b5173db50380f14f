package com.outboxwallet.api.account.web;

import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.auth.PasswordPolicy;
import com.outboxwallet.api.auth.WalletUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user changes their own password. */
@RestController
class OwnPasswordController {

    private final UserAccounts accounts;

    OwnPasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Change your own password; the current one is refused on every instance within a second")
    @ApiResponse(responseCode = "204", description = "Changed: send the new password from now on")
    @ApiResponse(responseCode = "400", description = "The new password breaks the policy (/problems/invalid-request)",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "403", description = "currentPassword is not your password "
            + "(/problems/current-password-wrong); nothing was changed", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    @PutMapping(path = "/api/v1/account/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> change(@AuthenticationPrincipal WalletUser user, @Valid @RequestBody PasswordChange request) {
        accounts.changeOwnPassword(user.id(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(@NotNull String currentPassword,
                          @NotNull @Schema(description = PasswordPolicy.EXPECTED) String newPassword) {
    }
}
