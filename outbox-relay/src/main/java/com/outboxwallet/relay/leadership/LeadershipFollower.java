package com.outboxwallet.relay.leadership;

/**
 * Work that follows each leadership check, on the same tick ({@code relay.leadership.check-interval}): what the
 * leader runs (the CDC engine) and what decides from it (hybrid mode's switch). Followers run in their
 * {@link org.springframework.core.annotation.Order}, after the check, so each sees this tick's leadership.
 */
public interface LeadershipFollower {

    void afterLeadershipCheck();
}
