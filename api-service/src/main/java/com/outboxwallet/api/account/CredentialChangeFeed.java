package com.outboxwallet.api.account;

import com.outboxwallet.api.auth.AuthProperties;
import com.outboxwallet.api.auth.CredentialRevocations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's {@link CredentialRevocations} of every password change and every disabled or enabled account,
 * whichever instance made it, within one poll interval: it asks the users table for the rows whose credentials changed
 * since its last question. It asks again for a few seconds back each time: a change's timestamp is taken before its
 * commit, so a change that commits after a question was asked still has a timestamp that question already covered.
 * No Redis and no clock of this machine: the database's rows and its clock decide.
 */
@Component
class CredentialChangeFeed implements SmartLifecycle {

    /** Far longer than the single-statement transactions that change credentials take to commit. */
    static final Duration COMMIT_ALLOWANCE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(CredentialChangeFeed.class);

    private final UserAccountRepository repository;
    private final CredentialRevocations revocations;
    private final Duration interval;
    private @Nullable ScheduledExecutorService poller;
    private @Nullable Instant since;
    private boolean failing;

    CredentialChangeFeed(
            UserAccountRepository repository, CredentialRevocations revocations, AuthProperties properties) {
        this.repository = repository;
        this.revocations = revocations;
        this.interval = properties.revocationPollInterval();
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("credential-changes").daemon().factory());
        poller.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
            if (failing) {
                log.info("Credential changes are read again");
                failing = false;
            }
        } catch (DataAccessException | IllegalStateException e) {
            if (!failing) {
                log.warn(
                        "Credential changes cannot be read; verified credentials are trusted until they expire: {}",
                        e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
