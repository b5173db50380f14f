package com.outboxwallet.relay.publishing;

/**
 * The relay's PostgreSQL advisory locks: one namespace (the first key of {@code pg_advisory_lock(int, int)}), one
 * lock per purpose. docs/runbook.md quotes the namespace to find the leader in {@code pg_locks}; a test keeps the two
 * equal.
 */
public final class AdvisoryLocks {

    /** {@code pg_locks.classid} of every relay lock: 0x0B0C5E1A = 185359898. */
    public static final int NAMESPACE = 0x0B0C_5E1A;
    /** Session-level, held by the leading instance ({@code pg_locks.objid} 1). */
    public static final int LEADER = 1;
    /** Transaction-level, held by the batch being published ({@code pg_locks.objid} 2). */
    public static final int PUBLISHING_TURN = 2;

    private AdvisoryLocks() {}
}
