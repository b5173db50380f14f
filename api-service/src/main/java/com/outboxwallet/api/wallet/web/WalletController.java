package com.outboxwallet.api.wallet.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import com.outboxwallet.problems.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "wallet", description = "Your wallet and its balance.")
@ProblemResponses({"unauthorized", "rate-limited", "login-throttled", "not-acceptable", "service-unavailable"})
@RestController
class WalletController {

    private final WalletRepository wallets;

    WalletController(WalletRepository wallets) {
        this.wallets = wallets;
    }

    @Operation(
            operationId = "getWallet",
            summary = "Read your wallet and its balance",
            description = "The balance includes every top-up that has answered 201.")
    @ApiResponse(responseCode = "200", description = "Your wallet")
    @GetMapping(path = "/api/v1/wallet", produces = MediaType.APPLICATION_JSON_VALUE)
    WalletResponse wallet(@AuthenticationPrincipal WalletUser user) {
        Wallet wallet = wallets.findByUserId(user.id()).orElseThrow(() -> new WalletNotFound(user.id()));
        return new WalletResponse(wallet.id().toString(), wallet.balance().toPlainString(), wallet.currency());
    }

    /** Amounts are strings: exact decimals that no JSON parser turns into a binary float. */
    record WalletResponse(
            @Schema(format = "uuid", example = "5f0c3a6e-8d1b-4c47-9a51-2f1e6d7b9c10")
            String walletId,

            @Schema(pattern = "^[0-9]+\\.[0-9]{2}$", example = "150000.00")
            String balance,

            @Schema(pattern = "^[A-Z]{3}$", example = "EUR") String currency) {}
}
