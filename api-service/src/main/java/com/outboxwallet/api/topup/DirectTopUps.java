package com.outboxwallet.api.topup;

/**
 * Who may credit a wallet without a payment behind it ({@code wallet.top-ups.direct}). Money normally comes in through
 * a payment the provider settled (docs/payments.md); a direct top-up is money the wallet is told about.
 */
public enum DirectTopUps {
    /** Users top up their own wallets on their word, as the demo always did: for local runs and demos only. */
    USERS,
    /** Only an operator (an ADMIN) credits a user's wallet: a cash-in at a counter, on that user's behalf. */
    OPERATORS,
    /** Nobody: every credit is a settled payment. */
    OFF
}
