package com.outboxwallet.api.account.web;

import com.outboxwallet.api.auth.Role;
import com.outboxwallet.api.account.UserAccount;
import com.outboxwallet.api.account.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUserController {

    private final UserAccounts accounts;

    AdminUserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserCreated> create(@Valid @RequestBody CreateUser request) {
        UserAccount account = accounts.create(request.username(), request.password(),
                request.role() == null ? Role.USER : request.role());
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + account.id()))
                .body(new UserCreated(account.id().toString(), account.username(), account.role(),
                        account.walletId().toString(), account.currency()));
    }

    record CreateUser(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{2,63}",
                    message = "3 to 64 characters: lower-case letters, digits, '_', '.', '-'") String username,
            @NotNull @Size(min = 12, max = 128, message = "12 to 128 characters") String password,
            Role role) {
    }

    record UserCreated(String id, String username, Role role, String walletId, String currency) {
    }
}
