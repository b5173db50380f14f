package com.outboxwallet.api;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Ids of rows that are only ever appended (top-ups, their events, payments): version 7 UUIDs (RFC 9562), whose first
 * 48 bits are the Unix time in milliseconds and whose other 74 bits are as random as a version 4's 122 are meant to
 * be unguessable: {@link SecureRandom}, as {@link UUID#randomUUID()} uses.
 *
 * <p>Why: each of these ids is a key of several B-tree indexes (the top-up's primary key, the outbox's event id, the
 * ledger's processed events, audit log and entries). A random key lands on any leaf page of an index, so every insert
 * descends the tree, touches a page of its own (a full-page image in the WAL after each checkpoint) and splits pages
 * all over it; a key that grows with time lands on the rightmost leaf, which PostgreSQL then inserts into without a
 * descent. Measured on a scratch server (docs/benchmarks.md): rows with three such keys inserted with 30-50 % less CPU
 * and 15-35 % more throughput, their indexes 15 % smaller.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC_9562 = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM);
    }

    /** The id of {@code unixMillis} with its random bits from {@code random}. */
    static UUID at(long unixMillis, SecureRandom random) {
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        long randA = ((bytes[0] & 0xFFL) << 8 | (bytes[1] & 0xFFL)) & 0x0FFFL;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (bytes[i] & 0xFFL);
        }
        long mostSignificant = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16 | VERSION_7 | randA;
        long leastSignificant = VARIANT_RFC_9562 | (randB & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant);
    }
}
