package com.outboxwallet.events;

import java.util.Locale;

/**
 * How a record breaks the wallet event contract. Each has a stable {@link #code()}: consumers put it on their
 * dead-letter records and count by it, so it never changes once published.
 */
public enum Violation {
    /** A required header is absent, or present with no value. */
    MISSING_ATTRIBUTE,
    /** A header the contract reads appears more than once: which copy is the truth is unknowable. */
    REPEATED_ATTRIBUTE,
    /** A header is there but not of its form: not UTF-8, not a UUID, not a number, not an instant, too long. */
    MALFORMED_ATTRIBUTE,
    /** {@code ce_specversion} is not {@code 1.0}. */
    UNSUPPORTED_SPEC_VERSION,
    /** {@code ce_source} is not one of the producers the consumer trusts. */
    UNTRUSTED_SOURCE,
    /** {@code ce_type} is not a type of the contract. */
    UNKNOWN_TYPE,
    /** The payload or the headers are larger than the contract allows. */
    OVERSIZED,
    /** The payload is not the JSON of its type: not UTF-8, not JSON, too deep, a field missing or of another form. */
    MALFORMED_PAYLOAD,
    /** An amount that is not a positive decimal with at most two fraction digits that fits the ledger. */
    INVALID_AMOUNT,
    /** A currency that is not a three-letter ISO 4217 code. */
    INVALID_CURRENCY,
    /** The record's parts disagree: the key is not the payload's wallet, or the header sequence is not the payload's. */
    INCONSISTENT;

    /** The stable code, e.g. {@code missing-attribute}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
