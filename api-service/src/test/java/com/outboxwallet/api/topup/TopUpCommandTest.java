package com.outboxwallet.api.topup;

import com.outboxwallet.api.idempotency.IdempotencyKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopUpCommandTest {

    private static TopUpCommand aTopUpOf(String amount) {
        return new TopUpCommand(UUID.randomUUID(), new IdempotencyKey("k"), new BigDecimal(amount));
    }

    @Test
    void equalAmountsWrittenDifferentlyHaveOneFingerprint() {
        assertThat(aTopUpOf("10").fingerprint()).isEqualTo(aTopUpOf("10.00").fingerprint());
        assertThat(aTopUpOf("10.00").amount()).isEqualByComparingTo("10").hasScaleOf(2);
    }

    @Test
    void differentAmountsHaveDifferentFingerprints() {
        assertThat(aTopUpOf("10.00").fingerprint()).isNotEqualTo(aTopUpOf("10.01").fingerprint());
    }

    @Test
    void refusesAmountsThatAreNotPositiveCents() {
        assertThatThrownBy(() -> aTopUpOf("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aTopUpOf("-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aTopUpOf("0.001")).isInstanceOf(IllegalArgumentException.class);
    }
}
