package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.AuthProperties;
import com.outboxwallet.api.auth.CredentialRevocations;
import com.outboxwallet.api.scheduling.RepeatingWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's {@link CredentialRevocations} of every password change and every disabled or enabled account,
 * whichever instance made it, within one poll interval: it asks the users table for the rows whose credentials changed
 * since its last question. It asks again for a few seconds back each time: a change's timestamp is taken before its
 * commit, so a change that commits after a question was asked still has a timestamp that question already covered.
 * No Redis and no clock of this machine: the database's rows and its clock decide.
 *
 * <p>A poll that fails for any reason is logged and tried again at the next interval: a scheduled task that throws is
 * never run again, and a feed that stopped silently would let a disabled account in until its verified credentials
 * expire, on this instance, for good. {@code wallet_auth_credential_changes_age_seconds} says how long ago the feed
 * last read the table (alert {@code CredentialChangesStale}).
 */
@Component
class CredentialChangeFeed extends RepeatingWork {

    /** Far longer than the single-statement transactions that change credentials take to commit. */
    static final Duration COMMIT_ALLOWANCE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(CredentialChangeFeed.class);

    private final UserAccountRepository repository;
    private final CredentialRevocations revocations;
    private final Duration interval;
    private final Counter failures;
    private volatile long lastReadNanos = System.nanoTime();
    private @Nullable Instant since;
    private boolean failing;

    CredentialChangeFeed(
            UserAccountRepository repository,
            CredentialRevocations revocations,
            AuthProperties properties,
            MeterRegistry meters) {
        super("credential-changes", Duration.ZERO, properties.revocationPollInterval());
        this.repository = repository;
        this.revocations = revocations;
        this.interval = properties.revocationPollInterval();
        this.failures = Counter.builder("wallet.auth.credential.changes.failures")
                .description("polls of the users table for changed credentials that failed")
                .register(meters);
        Gauge.builder(
                        "wallet.auth.credential.changes.age",
                        this,
                        feed -> feed.age().toMillis() / 1000.0)
                .description("seconds since this instance last read which credentials changed")
                .baseUnit("seconds")
                .register(meters);
    }

    /** How long ago the feed last read the users table. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - lastReadNanos);
    }

    @Override
    protected void runOnce() {
        poll();
    }

    /** One question to the users table; a database that cannot answer is asked again at the next interval. */
    void poll() {
        try {
            Instant askedAt = repository.now();
            Instant from = since == null ? askedAt.minus(COMMIT_ALLOWANCE) : since;
            repository
                    .credentialChangesSince(from)
                    .forEach(change -> revocations.changed(change.userId(), change.credentialsVersion()));
            since = askedAt.minus(COMMIT_ALLOWANCE);
            lastReadNanos = System.nanoTime();
            if (failing) {
                log.info("Credential changes are read again");
                failing = false;
            }
        } catch (DataAccessException | IllegalStateException e) {
            failures.increment();
            if (!failing) {
                log.warn(
                        "Credential changes cannot be read; verified credentials are trusted until they expire: {}",
                        e.getMessage());
                failing = true;
            }
        } catch (RuntimeException e) {
            // Not the database being away: a defect, or a row this code did not expect. Said loudly, every time.
            failures.increment();
            failing = true;
            log.error("Reading credential changes failed; trying again in {}", interval, e);
        }
    }
}
