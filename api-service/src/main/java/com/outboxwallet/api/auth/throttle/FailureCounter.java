package com.outboxwallet.api.auth.throttle;

import java.time.Duration;

/** Failed-login counters by name, each forgotten {@code keep} after its last failure. */
interface FailureCounter {

    Failures read(String name);

    void failed(String name, Duration keep);

    void forget(String name);
}
