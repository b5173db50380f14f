package com.outboxwallet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

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
    void theE2eBenchmarkComparesThePoolAndPostgresSettingsGivenAsSideB() {
        BenchmarkSettings settings = BenchmarkSettings.parse("e2e", new String[] {
            "--compare=postgres.commit_delay=20", "--compare=pool=8", "--compare=postgres.commit_siblings=4"
        });

        assertThat(settings.compare().apiPool()).hasValue(8);
        assertThat(settings.compare().postgres())
                .containsExactly(entry("commit_delay", "20"), entry("commit_siblings", "4"));
        assertThat(settings.compare().apiSettings()).containsExactly("spring.datasource.hikari.register-mbeans=true");
        assertThat(settings.options("e2e"))
                .contains("--compare=pool=8 --compare=postgres.commit_delay=20 --compare=postgres.commit_siblings=4");
        assertThat(BenchmarkSettings.parse("e2e", new String[0]).compare().isEmpty())
                .isTrue();
    }

    @Test
    void aJvmFlagIsComparedOnASecondApiInstanceAndAlone() {
        Comparison jvm = BenchmarkSettings.parse("e2e", new String[] {"--compare=jvm=-XX:+UseSerialGC"})
                .compare();

        assertThat(jvm.secondApi()).isTrue();
        assertThat(jvm.apiJvmFlags()).containsExactly("-XX:+UseSerialGC");
        assertThatThrownBy(() -> BenchmarkSettings.parse(
                        "e2e", new String[] {"--compare=jvm=-XX:+UseSerialGC", "--compare=pool=8"}))
                .as("one side would be another JVM and a switched stack at once")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--compare=jvm=; rm -rf /"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesWhatItCannotPass() {
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--compare=postgres.fsync=off; DROP"}))
                .as("a value that is not a plain word never reaches ALTER SYSTEM")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BenchmarkSettings.parse("e2e", new String[] {"--compare=pool=0"}))
                .isInstanceOf(IllegalArgumentException.class);
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
