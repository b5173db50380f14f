package com.outboxwallet.api.topup;

/**
 * How a top-up's transaction runs while other top-ups of the same wallet run: the credit, the top-up row and the
 * outbox row commit together or not at all. The implementations, one per {@code wallet.concurrency.strategy}, are in
 * {@code topup.strategy}; they differ only in what contention costs.
 */
public interface TopUpTransaction {

    /**
     * @return the committed top-up
     * @throws DuplicateTopUpRequest when the user already used the key; nothing was written for this command
     * @throws com.outboxwallet.api.wallet.BalanceCeilingExceeded when the balance would pass the ceiling
     * @throws com.outboxwallet.api.wallet.WalletNotFound when the user has no wallet
     * @throws com.outboxwallet.api.topup.strategy.WalletBusy when the strategy gave up waiting for the wallet
     */
    TopUp apply(TopUpCommand command);
}
