package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopUpCommandTest {

    private static TopUpCommand aTopUpOf(String amount) {
        return new TopUpCommand(UUID.randomUUID(), new IdempotencyKey("k"), Amount.parse(amount));
    }

    @Test
    void equalAmountsWrittenDifferentlyHaveOneFingerprint() {
        assertThat(aTopUpOf("10").fingerprint()).isEqualTo(aTopUpOf("10.00").fingerprint());
        assertThat(aTopUpOf("10.00").amount().value())
                .isEqualByComparingTo("10")
                .hasScaleOf(2);
    }

    @Test
    void differentAmountsHaveDifferentFingerprints() {
        assertThat(aTopUpOf("10.00").fingerprint())
                .isNotEqualTo(aTopUpOf("10.01").fingerprint());
    }
}
