package com.outboxwallet.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the wallet event contract that both sides hold to (docs/events.md): which types exist, how large a
 * record may be, and the form of its amounts, currencies and ids. The producer's records satisfy them by construction;
 * a consumer checks them before it trusts a record ({@link WalletEventReader}).
 */
public final class WalletEventContract {

    /** Every {@code ce_type} of the contract. A consumer skips the ones it does not use; any other type is invalid. */
    public static final Set<String> TYPES = Set.of(TopUpAccepted.TYPE, TopUpReversed.TYPE);

    /** The JSON payload, in bytes. A top-up is about 300; the rest is room for fields added within a version. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    /** All headers together, names and values, in bytes; the relay's come to about 400. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    /** The {@code ce_idempotencykey}: the api-service's Idempotency-Key, 1 to 255 printable ASCII characters. */
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    /** Digits before the point: the ledger's columns are {@code NUMERIC(15, 2)}. */
    public static final int MAX_AMOUNT_INTEGER_DIGITS = 13;

    /** Digits after the point. */
    public static final int MAX_AMOUNT_FRACTION_DIGITS = 2;

    /** An amount as the JSON carries it: a plain decimal, no sign, no exponent, no leading zeros. */
    static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0," + (MAX_AMOUNT_INTEGER_DIGITS - 1)
            + "})(\\.[0-9]{1," + MAX_AMOUNT_FRACTION_DIGITS + "})?");

    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** A UUID in its canonical form; {@code UUID.fromString} alone also takes {@code 1-1-1-1-1}. */
    static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The times an event may carry: from the Unix epoch to the end of year 9999, which every store can hold. */
    static final Instant EARLIEST = Instant.EPOCH;

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private WalletEventContract() {}

    /**
     * @throws InvalidWalletEvent unless the amount is positive, with at most 2 fraction digits and 13 integer digits;
     *     checked without any work that grows with the exponent
     */
    static void requireAmount(String field, BigDecimal amount) {
        long integerDigits = (long) amount.precision() - amount.scale();
        if (amount.signum() <= 0
                || amount.scale() > MAX_AMOUNT_FRACTION_DIGITS
                || integerDigits > MAX_AMOUNT_INTEGER_DIGITS) {
            throw new InvalidWalletEvent(
                    Violation.INVALID_AMOUNT,
                    field + " must be a positive amount with at most " + MAX_AMOUNT_INTEGER_DIGITS + " integer and "
                            + MAX_AMOUNT_FRACTION_DIGITS + " fraction digits");
        }
    }

    /** @throws InvalidWalletEvent unless the amount is zero or an amount {@link #requireAmount} accepts */
    static void requireAmountOrZero(String field, BigDecimal amount) {
        if (amount.signum() != 0) {
            requireAmount(field, amount);
        } else if (amount.scale() > MAX_AMOUNT_FRACTION_DIGITS) {
            throw new InvalidWalletEvent(
                    Violation.INVALID_AMOUNT,
                    field + " has at most " + MAX_AMOUNT_FRACTION_DIGITS + " fraction digits");
        }
    }

    /** @throws InvalidWalletEvent unless the wallet sequence is 1 or more */
    static void requireSequence(long sequence) {
        if (sequence < 1) {
            throw new InvalidWalletEvent(Violation.MALFORMED_PAYLOAD, "sequence starts at 1, not " + sequence);
        }
    }

    static void requireCurrency(String currency) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new InvalidWalletEvent(
                    Violation.INVALID_CURRENCY,
                    "currency must be a three-letter ISO 4217 code such as IDR, not '" + excerpt(currency) + "'");
        }
    }

    /** At most the first 40 characters of a value a record carried, for a message that stays readable. */
    static String excerpt(String value) {
        return excerpt(value, 40);
    }

    /** At most the first {@code length} characters, control characters shown as '?'. */
    static String excerpt(String value, int length) {
        StringBuilder printable = new StringBuilder();
        value.codePoints()
                .limit(length + 1L)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .forEach(printable::appendCodePoint);
        return printable.codePointCount(0, printable.length()) > length
                ? printable.substring(0, printable.offsetByCodePoints(0, length)) + "…"
                : printable.toString();
    }
}
