package com.outboxwallet.api.wallet;

/** The values of {@code wallet.concurrency.strategy}. */
public enum ConcurrencyStrategy {
    /** One conditional UPDATE; PostgreSQL's row lock orders concurrent top-ups. The default. */
    ATOMIC_UPDATE,
    /** SELECT … FOR UPDATE, then UPDATE: the lock is explicit and held from read to commit. */
    PESSIMISTIC,
    /** Read without a lock, write only if the version is unchanged; retry with jittered backoff when it changed. */
    OPTIMISTIC,
    /** A per-wallet Redisson lock around the transaction, with the version still checked in SQL. */
    REDISSON_LOCK
}
