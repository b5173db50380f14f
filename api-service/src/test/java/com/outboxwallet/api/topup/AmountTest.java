package com.outboxwallet.api.topup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

    @Test
    void isKeptInWholeCents() {
        assertThat(Amount.parse("10").value()).isEqualByComparingTo("10").hasScaleOf(2);
        assertThat(Amount.parse("0.5")).hasToString("0.50");
        assertThat(Amount.parse("9999999999999.99").value()).isEqualByComparingTo("9999999999999.99");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "0.00",
                "-5",
                "0.001",
                "1e3",
                "+1",
                "01",
                ".5",
                "1.",
                " 1",
                "1,000",
                "NaN",
                "",
                "10000000000000"
            })
    void refusesTextThatIsNotAPositiveAmountInCents(String text) {
        assertThatThrownBy(() -> Amount.parse(text))
                .isInstanceOf(InvalidAmount.class)
                .satisfies(e -> assertThat(((InvalidAmount) e).expected()).isNotBlank());
    }

    @Test
    void saysWhatWasExpected() {
        assertThatThrownBy(() -> Amount.parse(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> Amount.parse("0.00")).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> Amount.parse("1.001")).hasMessageContaining(Amount.EXPECTED);
    }

    @Test
    void refusesValuesThatAreNotPositiveCentsEvenWhenBuiltInCode() {
        assertThatThrownBy(() -> new Amount(new BigDecimal("0.001"))).isInstanceOf(InvalidAmount.class);
        assertThatThrownBy(() -> new Amount(new BigDecimal("-1"))).isInstanceOf(InvalidAmount.class);
        assertThatThrownBy(() -> new Amount(new BigDecimal("1E+13"))).isInstanceOf(InvalidAmount.class);
    }
}
