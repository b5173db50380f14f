package com.outboxwallet.api.wallet.web;

import com.outboxwallet.api.auth.WalletUser;
import com.outboxwallet.api.wallet.Wallet;
import com.outboxwallet.api.wallet.WalletNotFound;
import com.outboxwallet.api.wallet.WalletRepository;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WalletController {

    private final WalletRepository wallets;

    WalletController(WalletRepository wallets) {
        this.wallets = wallets;
    }

    @Operation(summary = "Read your wallet and its balance")
    @GetMapping(path = "/api/v1/wallet", produces = MediaType.APPLICATION_JSON_VALUE)
    WalletResponse wallet(@AuthenticationPrincipal WalletUser user) {
        Wallet wallet = wallets.findByUserId(user.id()).orElseThrow(() -> new WalletNotFound(user.id()));
        return new WalletResponse(wallet.id().toString(), wallet.balance().toPlainString(), wallet.currency());
    }

    /** Amounts are strings: exact decimals that no JSON parser turns into a binary float. */
    record WalletResponse(String walletId, String balance, String currency) {
    }
}
