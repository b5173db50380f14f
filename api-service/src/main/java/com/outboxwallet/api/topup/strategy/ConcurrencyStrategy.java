package com.outboxwallet.api.topup.strategy;

/** The values of {@code wallet.concurrency.strategy}. */
public enum ConcurrencyStrategy {
    /** One conditional UPDATE; PostgreSQL's row lock orders concurrent top-ups. The default. */
    ATOMIC_UPDATE,
    /** SELECT … FOR UPDATE, then UPDATE: the lock is explicit and held from read to commit. */
    PESSIMISTIC,
    /** Read without a lock, write only if the version is unchanged; retry with jittered backoff when it changed. */
    OPTIMISTIC,
    /** A per-wallet Redisson lock around the transaction, with the version still checked in SQL. */
    REDISSON_LOCK,
    /**
     * Concurrent top-ups of one wallet at one instance share a transaction: one row lock and one commit for all, each
     * with its own row, sequence number and answer.
     */
    COALESCING
}
