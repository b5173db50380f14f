package com.outboxwallet.api.auth.throttle;

/**
 * What is remembered of one counter: how many failures, when the last was, and the time of reading, all in epoch
 * milliseconds of the clock that recorded them (Redis's own, or this instance's when Redis is down).
 */
record Failures(long count, long lastMillis, long nowMillis) {

    static Failures none(long nowMillis) {
        return new Failures(0, 0, nowMillis);
    }
}
