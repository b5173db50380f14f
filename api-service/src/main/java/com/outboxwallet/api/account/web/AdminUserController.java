package com.outboxwallet.api.account.web;

import com.outboxwallet.api.account.UserAccount;
import com.outboxwallet.api.account.UserAccounts;
import com.outboxwallet.api.auth.PasswordPolicy;
import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.auth.WalletUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Account management for administrators (ROLE_ADMIN on every path, see SecurityConfiguration). */
@RestController
@RequestMapping(AdminUserController.PATH)
class AdminUserController {

    static final String PATH = "/api/v1/admin/users";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final UserAccounts accounts;

    AdminUserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Create a user with a wallet")
    @ApiResponse(responseCode = "201", description = "Created; Location is the user")
    @ApiResponse(responseCode = "400", description = "Invalid username or password (/problems/invalid-request, "
            + "/problems/malformed-body)", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The username is taken (/problems/username-taken)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
        UserAccount account = accounts.create(request.username(), request.password(),
                request.role() == null ? Role.USER : request.role());
        return ResponseEntity.created(URI.create(PATH + "/" + account.id())).body(UserView.of(account));
    }

    @Operation(summary = "List users, in the order of their names")
    @ApiResponse(responseCode = "200", description = "One page of users")
    @ApiResponse(responseCode = "400", description = "page or size out of range (/problems/invalid-request)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    UserPageView list(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000_000) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        UserAccounts.UserPage users = accounts.list(page, size);
        return new UserPageView(users.users().stream().map(UserView::of).toList(), users.page(), users.size(),
                users.total());
    }

    @Operation(summary = "Read a user")
    @ApiResponse(responseCode = "200", description = "The user")
    @ApiResponse(responseCode = "404", description = "No such user (/problems/not-found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView read(@PathVariable UUID id) {
        return UserView.of(accounts.find(id));
    }

    @Operation(summary = "Disable a user: refused on every instance within a second, web sessions end")
    @ApiResponse(responseCode = "200", description = "The user, disabled (already disabled is not an error)")
    @ApiResponse(responseCode = "404", description = "No such user (/problems/not-found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Your own account (/problems/self-lockout)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/{id}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView disable(@PathVariable UUID id, @AuthenticationPrincipal WalletUser admin) {
        return UserView.of(accounts.setEnabled(id, false, admin.id()));
    }

    @Operation(summary = "Enable a disabled user again")
    @ApiResponse(responseCode = "200", description = "The user, enabled")
    @ApiResponse(responseCode = "404", description = "No such user (/problems/not-found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PostMapping(path = "/{id}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
    UserView enable(@PathVariable UUID id, @AuthenticationPrincipal WalletUser admin) {
        return UserView.of(accounts.setEnabled(id, true, admin.id()));
    }

    @Operation(summary = "Set a new password for a user: the old one is refused on every instance within a second")
    @ApiResponse(responseCode = "204", description = "Changed")
    @ApiResponse(responseCode = "400", description = "The password breaks the policy (/problems/invalid-request)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such user (/problems/not-found)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @PutMapping(path = "/{id}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody NewPassword request) {
        accounts.resetPassword(id, request.password());
        return ResponseEntity.noContent().build();
    }

    record CreateUser(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{2,63}",
                    message = "3 to 64 characters: lower-case letters, digits, '_', '.', '-'") String username,
            @NotNull @Schema(description = PasswordPolicy.EXPECTED) String password,
            Role role) {
    }

    record NewPassword(@NotNull @Schema(description = PasswordPolicy.EXPECTED) String password) {
    }

    record UserView(String id, String username, Role role, boolean enabled, String walletId, String currency,
                    Instant createdAt) {

        static UserView of(UserAccount account) {
            return new UserView(account.id().toString(), account.username(), account.role(), account.enabled(),
                    account.walletId() == null ? null : account.walletId().toString(), account.currency(),
                    account.createdAt());
        }
    }

    record UserPageView(List<UserView> users, int page, int size, long total) {
    }
}
