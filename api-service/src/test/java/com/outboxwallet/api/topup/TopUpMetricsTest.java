package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.api.idempotency.RequestInFlight;
import com.outboxwallet.api.topup.strategy.WalletBusy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The outcomes an HTTP test cannot provoke on demand: a race with the same key, a wallet too contended to credit. */
class TopUpMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TopUpMetrics metrics = new TopUpMetrics(meters);

    @Test
    void aRequestStillInFlightIsCountedAsInFlightAndStillThrown() {
        assertThatThrownBy(() -> metrics.timed(() -> {
                    throw new RequestInFlight();
                }))
                .isInstanceOf(RequestInFlight.class);

        assertThat(count("in-flight")).isEqualTo(1);
        assertThat(count("failed")).isZero();
    }

    @Test
    void aBusyWalletIsCountedAsWalletBusy() {
        assertThatThrownBy(() -> metrics.timed(() -> {
                    throw new WalletBusy("too many retries");
                }))
                .isInstanceOf(WalletBusy.class);

        assertThat(count("wallet-busy")).isEqualTo(1);
    }

    @Test
    void anythingElseIsCountedAsFailed() {
        assertThatThrownBy(() -> metrics.timed(() -> {
                    throw new IllegalStateException("boom");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(count("failed")).isEqualTo(1);
    }

    private long count(String outcome) {
        return meters.get("wallet.topups").tag("outcome", outcome).timer().count();
    }
}
