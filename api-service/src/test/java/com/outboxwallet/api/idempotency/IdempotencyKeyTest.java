package com.outboxwallet.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void acceptsPrintableAsciiUpTo255Characters() {
        assertThat(new IdempotencyKey("a".repeat(255)).value()).hasSize(255);
        assertThat(new IdempotencyKey("order-42:retry #1").value()).isEqualTo("order-42:retry #1");
    }

    @Test
    void refusesMissingTooLongAndNonAsciiKeys() {
        assertThatThrownBy(() -> new IdempotencyKey(null))
                .isInstanceOf(InvalidIdempotencyKey.class)
                .extracting("reason")
                .isEqualTo(InvalidIdempotencyKey.Reason.MISSING);
        assertThatThrownBy(() -> new IdempotencyKey("  "))
                .extracting("reason")
                .isEqualTo(InvalidIdempotencyKey.Reason.MISSING);
        assertThatThrownBy(() -> new IdempotencyKey("a".repeat(256)))
                .extracting("reason")
                .isEqualTo(InvalidIdempotencyKey.Reason.TOO_LONG);
        assertThatThrownBy(() -> new IdempotencyKey("kéy"))
                .extracting("reason")
                .isEqualTo(InvalidIdempotencyKey.Reason.NOT_PRINTABLE_ASCII);
        assertThatThrownBy(() -> new IdempotencyKey("key\n"))
                .extracting("reason")
                .isEqualTo(InvalidIdempotencyKey.Reason.NOT_PRINTABLE_ASCII);
    }

    @Test
    void theScopeSeparatesUsers() {
        IdempotencyKey key = new IdempotencyKey("same");
        var alice = new IdempotencyScope(java.util.UUID.randomUUID(), "top-up", key);
        var bob = new IdempotencyScope(java.util.UUID.randomUUID(), "top-up", key);

        assertThat(alice.redisKey()).isNotEqualTo(bob.redisKey());
    }
}
