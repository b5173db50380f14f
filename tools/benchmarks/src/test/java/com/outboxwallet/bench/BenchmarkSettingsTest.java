package com.outboxwallet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkSettingsTest {

    @Test
    void theE2eBenchmarkTakesRepeatedApiSettingsAndPrintsThemBack() {
        BenchmarkSettings settings = BenchmarkSettings.parse("e2e", new String[] {
            "--api-setting=spring.threads.virtual.enabled=true",
            "--api-setting=wallet.auth.verified-credentials-ttl=5m",
            "--strategy=coalescing"
        });

        assertThat(settings.apiSettings())
                .containsExactly("spring.threads.virtual.enabled=true", "wallet.auth.verified-credentials-ttl=5m");
        assertThat(settings.options("e2e"))
                .contains(
                        "--strategy=coalescing",
                        "--api-setting=spring.threads.virtual.enabled=true",
                        "--api-setting=wallet.auth.verified-credentials-ttl=5m");
        assertThat(settings.seconds()).isEqualTo(30);
        assertThat(settings.traceSampling()).as("as production samples").isEqualTo("production");
        assertThat(BenchmarkSettings.parse("e2e", new String[] {"--trace-sampling=0.25"})
                        .options("e2e"))
                .contains("--trace-sampling=0.25");
    }

    @Test
    void refusesWhatItCannotPass() {
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--api-setting=novalue"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--heap=lots"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--instances=api=0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--trace-sampling=1.5"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
