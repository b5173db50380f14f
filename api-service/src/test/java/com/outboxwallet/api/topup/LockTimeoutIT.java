package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.ApiServiceIntegrationTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Nothing waits forever on a lock (docs/architecture.md, "Timeouts"): a top-up behind a wallet row that another
 * session holds (a frozen client, a forgotten transaction) is answered {@code 503} once {@code lock_timeout} has
 * passed, instead of holding its request and a pooled connection for as long as the other session lives; and its
 * retry, once the lock is gone, credits once.
 */
class LockTimeoutIT extends ApiServiceIntegrationTest {

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void aTopUpBehindAWalletLockedElsewhereIsAServiceUnavailableProblemAndItsRetryCreditsOnce() throws Exception {
        Credentials alice = aUser();
        String key = anyKey();
        assertThat(api().get(alice, "/api/v1/wallet").statusCode()).isEqualTo(200); // her password is verified

        HttpResponse<String> behindTheLock;
        try (Connection holder = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            lockTheWallet(holder, alice);
            // Bounded here so that, without the pool's lock_timeout, the test fails instead of waiting forever.
            behindTheLock = CompletableFuture.supplyAsync(() -> api().topUp(alice, key, "10.00"))
                    .get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
            holder.rollback();
        }

        assertThat(behindTheLock.statusCode()).isEqualTo(503);
        assertThat(behindTheLock.headers().firstValue("Retry-After")).isPresent();
        assertThat(behindTheLock.body()).contains("\"type\":\"/problems/service-unavailable\"");
        assertThat(topUpsOf(alice)).isZero();

        HttpResponse<String> retry = api().topUp(alice, key, "10.00");
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(topUpsOf(alice)).isEqualTo(1);
    }

    private static void lockTheWallet(Connection holder, Credentials owner) throws SQLException {
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM wallets WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, owner.walletId());
            lock.executeQuery().close();
        }
    }
}
