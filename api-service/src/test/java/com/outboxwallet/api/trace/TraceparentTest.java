package com.outboxwallet.api.trace;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceparentTest {

    @Test
    void aValidCallerTraceIsContinuedWithANewSpan() {
        Traceparent span = Traceparent.serverSpanOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");

        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(span.flags()).isEqualTo("00");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"})
    void anInvalidOrMissingTraceStartsANewSampledOne(String header) {
        Traceparent span = Traceparent.serverSpanOf(header);

        assertThat(span.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(span.traceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
