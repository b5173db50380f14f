package com.outboxwallet.api.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * @param bootstrapAdmin the administrator created at first start; its password has no default outside the local profile
 * @param demoUsers      USER accounts provisioned at start-up; only the local profile lists any
 */
@Validated
@ConfigurationProperties("wallet")
public record AccountProperties(@Valid @NotNull BootstrapAdmin bootstrapAdmin, List<@Valid DemoUser> demoUsers) {

    public AccountProperties {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public record BootstrapAdmin(
            @NotBlank String username,
            @NotBlank(message = "set WALLET_ADMIN_PASSWORD: the bootstrap administrator's password (there is no default)")
            String password) {
    }

    public record DemoUser(@NotBlank String username, @NotBlank String password) {
    }
}
