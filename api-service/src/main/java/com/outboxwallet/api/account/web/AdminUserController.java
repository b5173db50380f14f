package com.outboxwallet.api.account.web;

import com.outboxwallet.api.account.UserAccount;
import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.audit.AuditTrail;
import com.outboxwallet.api.audit.AuditTrail.Action;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.loginguard.PasswordPolicy;
import com.outboxwallet.problems.Page;
import com.outboxwallet.problems.Paging;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account management for administrators (ROLE_ADMIN on every path, see SecurityConfiguration). */
@Tag(
        name = "users",
        description = "Account management for administrators: create, list, disable and enable users,"
                + " and reset their passwords.")
@ProblemResponses({"unauthorized", "forbidden", "rate-limited", "login-throttled", "service-unavailable"})
@RestController
@RequestMapping(AdminUserController.PATH)
class AdminUserController {

    static final String PATH = "/api/v1/admin/users";

    private final UserAccounts accounts;
    private final AuditTrail audit;

    AdminUserController(UserAccounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Operation(
            operationId = "createUser",
            summary = "Create a user with a wallet",
            description = "The user and their empty wallet are created in one transaction; role defaults to USER.")
    @ApiResponse(
            responseCode = "201",
            description = "Created; Location is the user",
            headers =
                    @Header(
                            name = "Location",
                            description = "the new user",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @ProblemResponses({
        "invalid-request",
        "malformed-body",
        "payload-too-large",
        "unsupported-media-type",
        "not-acceptable",
        "username-taken"
    })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> create(
            @Valid @RequestBody CreateUser request,
            @AuthenticationPrincipal WalletUser admin,
            HttpServletRequest http) {
        UserAccount account = accounts.create(
                request.username(), request.password(), request.role() == null ? Role.USER : request.role());
        audit.accountChanged(Action.ACCOUNT_CREATED, admin.username(), account.id(), http.getRemoteAddr());
        return ResponseEntity.created(URI.create(PATH + "/" + account.id())).body(UserView.of(account));
    }

    @Operation(
            operationId = "listUsers",
            summary = "List users, in the order of their names",
            description = "Pages of every user, enabled or not, with their wallet.")
    @ApiResponse(responseCode = "200", description = "One page of users")
    @ProblemResponses({"invalid-request", "not-acceptable"})
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Page<UserView> list(
            @Parameter(description = "page number, from 0")
                    @RequestParam(defaultValue = "0")
                    @Min(0)
                    @Max(Paging.LAST_PAGE)
                    int page,
            @Parameter(description = "users per page") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        UserAccounts.UserPage users = accounts.list(page, size);
        return new Page<>(users.users().stream().map(UserView::of).toList(), users.page(), users.size(), users.total());
    }

    @Operation(operationId = "getUser", summary = "Read a user", description = "One user and their wallet.")
    @ApiResponse(responseCode = "200", description = "The user")
    @ProblemResponses({"invalid-request", "not-acceptable", "not-found"})
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView read(@Parameter(description = "the user's id") @PathVariable UUID id) {
        return UserView.of(accounts.find(id));
    }

    @Operation(
            operationId = "disableUser",
            summary = "Disable a user",
            description = "Their credentials are refused on every instance within a second and their web sessions"
                    + " end. Disabling a disabled user is not an error; disabling yourself is.")
    @ApiResponse(responseCode = "200", description = "The user, disabled")
    @ProblemResponses({"invalid-request", "not-acceptable", "not-found", "self-lockout"})
    @PostMapping(path = "/{id}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView disable(
            @Parameter(description = "the user's id") @PathVariable UUID id,
            @AuthenticationPrincipal WalletUser admin,
            HttpServletRequest http) {
        UserView disabled = UserView.of(accounts.setEnabled(id, false, admin.id()));
        audit.accountChanged(Action.ACCOUNT_DISABLED, admin.username(), id, http.getRemoteAddr());
        return disabled;
    }

    @Operation(
            operationId = "enableUser",
            summary = "Enable a disabled user again",
            description = "Their credentials are accepted again; enabling an enabled user is not an error.")
    @ApiResponse(responseCode = "200", description = "The user, enabled")
    @ProblemResponses({"invalid-request", "not-acceptable", "not-found"})
    @PostMapping(path = "/{id}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView enable(
            @Parameter(description = "the user's id") @PathVariable UUID id,
            @AuthenticationPrincipal WalletUser admin,
            HttpServletRequest http) {
        UserView enabled = UserView.of(accounts.setEnabled(id, true, admin.id()));
        audit.accountChanged(Action.ACCOUNT_ENABLED, admin.username(), id, http.getRemoteAddr());
        return enabled;
    }

    @Operation(
            operationId = "resetUserPassword",
            summary = "Set a new password for a user",
            description = "The old password is refused on every instance within a second and the user's web"
                    + " sessions end.")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ProblemResponses({"invalid-request", "malformed-body", "payload-too-large", "unsupported-media-type", "not-found"})
    @PutMapping(path = "/{id}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resetPassword(
            @Parameter(description = "the user's id") @PathVariable UUID id,
            @Valid @RequestBody NewPassword request,
            @AuthenticationPrincipal WalletUser admin,
            HttpServletRequest http) {
        accounts.resetPassword(id, request.password());
        audit.accountChanged(Action.PASSWORD_RESET, admin.username(), id, http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    record CreateUser(
            @NotNull
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9_.-]{2,63}",
                    message = "3 to 64 characters: lower-case letters, digits, '_', '.', '-'")
            @Schema(pattern = "^[a-z0-9][a-z0-9_.-]{2,63}$", example = "alice")
            String username,

            @NotNull @Schema(description = PasswordPolicy.EXPECTED, example = "correct horse battery staple")
            String password,

            @Schema(description = "USER unless given", example = "USER")
            Role role) {}

    record NewPassword(
            @NotNull @Schema(description = PasswordPolicy.EXPECTED, example = "a new long passphrase")
            String password) {}

    record UserView(
            @Schema(format = "uuid", example = "3f6e0d1c-2b7a-4c9e-8f10-5a4b3c2d1e0f")
            String id,

            @Schema(example = "alice") String username,
            @Schema(example = "USER") Role role,
            @Schema(example = "true") boolean enabled,

            @Schema(format = "uuid", example = "5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10") @Nullable
            String walletId,

            @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency,
            @Schema(example = "2026-12-01T09:00:00Z") Instant createdAt) {

        static UserView of(UserAccount account) {
            return new UserView(
                    account.id().toString(),
                    account.username(),
                    account.role(),
                    account.enabled(),
                    account.walletId() == null ? null : account.walletId().toString(),
                    account.currency(),
                    account.createdAt());
        }
    }
}
