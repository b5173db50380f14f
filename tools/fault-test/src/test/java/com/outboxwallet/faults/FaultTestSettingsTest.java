package com.outboxwallet.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outboxwallet.local.Service;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultTestSettingsTest {

    @Test
    void thePrintedCommandRepeatsTheRun() {
        FaultTestSettings settings = FaultTestSettings.parse(
                "--seed=99",
                "--top-ups=500",
                "--strategy=redisson-lock",
                "--instances=api=3",
                "--faults=kill-api,pause-lock-holder");

        FaultTestSettings again = FaultTestSettings.parse(
                settings.command().replaceFirst("^bin/fault-test ", "").split(" "));

        assertThat(again)
                .usingRecursiveComparison()
                .ignoringFields("historyDir")
                .isEqualTo(settings);
        assertThat(again.instances().of(Service.API)).isEqualTo(3);
        assertThat(again.instances().of(Service.LEDGER)).isEqualTo(1);
    }

    @Test
    void withoutASeedOneIsChosenAndPrinted() {
        FaultTestSettings settings = FaultTestSettings.parse();

        assertThat(settings.command()).contains("--seed=" + settings.seed());
        assertThat(settings.topUps()).isEqualTo(100_000);
        assertThat(settings.kinds()).doesNotContain(FaultKind.PAUSE_LOCK_HOLDER);
    }

    @Test
    void aMistypedOptionIsNamed() {
        assertThatThrownBy(() -> FaultTestSettings.parse("--topups=5")).hasMessageContaining("unknown option --topups");
        assertThatThrownBy(() -> FaultTestSettings.parse("seed")).hasMessageContaining("not an option: seed");
    }

    @Test
    void aPlannedTopUpIsTheSameWhicheverClientSendsIt() {
        PlannedTopUp first = PlannedTopUp.of(5, 17, 20, 0);

        assertThat(PlannedTopUp.of(5, 17, 20, 0)).isEqualTo(first);
        assertThat(first.funded()).isFalse();
        assertThat(first.path()).isEqualTo("/api/v1/topups");
        assertThat(first.idempotencyKey()).isEqualTo("fault-5-17");
        assertThat(first.amount().scale()).isEqualTo(2);
        assertThat(first.amount()).isBetween(new BigDecimal("0.01"), new BigDecimal("1000.00"));
        assertThat(first.user()).isBetween(0, 19);
        assertThat(first.body()).isEqualTo("{\"amount\":\"" + first.amount().toPlainString() + "\"}");
    }

    @Test
    void aFundedShareOfTheTopUpsOpensPaymentsThatTheirUsersMostlyPay() {
        List<PlannedTopUp> planned = IntStream.range(0, 10_000)
                .mapToObj(number -> PlannedTopUp.of(7, number, 20, 10))
                .toList();
        List<PlannedTopUp> funded =
                planned.stream().filter(PlannedTopUp::funded).toList();

        assertThat(funded).hasSizeBetween(900, 1100);
        assertThat(funded).allSatisfy(topUp -> {
            assertThat(topUp.path()).isEqualTo("/api/v1/payments");
            assertThat(topUp.body()).contains("\"method\":\"virtual-account\"");
        });
        assertThat(funded.stream().filter(topUp -> topUp.payer() == PlannedTopUp.Payer.PAYS))
                .hasSizeGreaterThan(funded.size() * 3 / 4);
        assertThat(funded).extracting(PlannedTopUp::payer).contains(PlannedTopUp.Payer.values());
        // The funded share does not move the users and amounts a seed names.
        assertThat(planned.get(3).amount())
                .isEqualTo(PlannedTopUp.of(7, 3, 20, 0).amount());
        assertThat(planned.get(3).user()).isEqualTo(PlannedTopUp.of(7, 3, 20, 0).user());
    }
}
