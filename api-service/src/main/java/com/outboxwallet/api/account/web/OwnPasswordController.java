package com.outboxwallet.api.account.web;

import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.audit.AuditTrail;
import com.outboxwallet.api.audit.AuditTrail.Action;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.loginguard.PasswordPolicy;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A user changes their own password. */
@Tag(name = "your account", description = "What a user does with their own account.")
@RestController
class OwnPasswordController {

    private final UserAccounts accounts;

    private final AuditTrail audit;

    OwnPasswordController(UserAccounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Operation(
            operationId = "changeOwnPassword",
            summary = "Change your own password",
            description = "Needs your current password. The current one is refused on every instance within a"
                    + " second and your other web sessions end.")
    @ProblemResponses({
        "unauthorized",
        "rate-limited",
        "login-throttled",
        "service-unavailable",
        "invalid-request",
        "malformed-body",
        "payload-too-large",
        "unsupported-media-type",
        "current-password-wrong"
    })
    @ApiResponse(responseCode = "204", description = "Changed: send the new password from now on")
    @PutMapping(path = "/api/v1/account/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> change(
            @AuthenticationPrincipal WalletUser user,
            @Valid @RequestBody PasswordChange request,
            HttpServletRequest http) {
        accounts.changeOwnPassword(user.id(), request.currentPassword(), request.newPassword());
        audit.accountChanged(Action.PASSWORD_CHANGED, user.username(), user.id(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(
            @NotNull @Schema(example = "correct horse battery staple")
            String currentPassword,

            @NotNull @Schema(description = PasswordPolicy.EXPECTED, example = "a new long passphrase")
            String newPassword) {}
}
