package com.outboxwallet.api.topup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A top-up's amount: positive, whole cents, at most 13 integer digits (the columns' precision). Parsed once, where a
 * client's text comes in; everything after holds a valid one. Whether it is within the configured per-top-up maximum
 * is the service's rule ({@link AmountAboveMaximum}), not the value's.
 */
public record Amount(BigDecimal value) {

    /**
     * How a client writes an amount: plain digits, at most 2 fraction digits, no sign, exponent, grouping or leading
     * zeros, and at most 13 integer digits.
     */
    public static final String FORMAT = "(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?";

    public static final String EXPECTED =
            "a plain decimal string with at most 2 fraction digits, such as \"150000.00\"";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);
    private static final int MAX_INTEGER_DIGITS = 13;

    /** @throws InvalidAmount when it is not positive, has more than two fraction digits or too many integer digits */
    public Amount {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new InvalidAmount("greater than 0");
        }
        if (value.scale() > 2 || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidAmount(EXPECTED);
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** @throws InvalidAmount when the text is missing, not in {@link #FORMAT}, or zero */
    public static Amount parse(String text) {
        if (text == null) {
            throw new InvalidAmount("required: a decimal string such as \"150000.00\"");
        }
        if (!PATTERN.matcher(text).matches()) {
            throw new InvalidAmount(EXPECTED);
        }
        return new Amount(new BigDecimal(text));
    }

    /** As the API writes it: {@code 10.00}. */
    @Override
    public String toString() {
        return value.toPlainString();
    }
}
