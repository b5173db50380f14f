package com.outboxwallet.loginguard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where login attempts are counted: in Redis, shared by every instance, or in this instance alone. */
public interface AttemptCounters {

    /** One counter an attempt is counted on, under its key. */
    record Counted(LoginThrottle.Limit limit, String key) {}

    /**
     * In one atomic step: when any of the counters is past its limit and its wait has not run out, the longest such
     * wait (nothing is counted); otherwise the attempt is counted on every one of them (and empty is returned). Two
     * attempts at once can never both pass a counter's last free place.
     */
    Optional<LoginThrottle.Wait> reserve(List<Counted> counters, ThrottlePolicy policy);

    /**
     * Takes a counted attempt back: {@code forgetFirst} forgets the first counter altogether (a success of that
     * username from that address), the others count one less.
     */
    void forgive(List<Counted> counters, boolean forgetFirst);

    boolean known(String key);

    void remember(String key, Duration keep);
}
