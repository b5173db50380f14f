package com.outboxwallet.ledger.bookkeeping;

import com.outboxwallet.events.InvalidWalletEvent;
import com.outboxwallet.events.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Why the ledger set a record aside instead of applying it: a stable reason code (the dead-letter header
 * {@code ledger_dlt-reason}, e.g. {@code invalid-amount} or {@code sequence-conflict}), a message for an operator,
 * and what was thrown.
 *
 * <p>The contract's violations ({@link com.outboxwallet.events.Violation}) keep their own codes; the ledger adds the
 * refusals only it can make, which depend on what it already holds.
 */
public record Refusal(String reason, String message, Throwable cause) {

    /** The event's currency is not its wallet's currency in the ledger. */
    public static final String CURRENCY_MISMATCH = "currency-mismatch";
    /** A copy of an event or top-up the ledger holds, by id, but with other content. */
    public static final String CONFLICTING_COPY = "conflicting-copy";
    /** Another top-up of the wallet already holds this sequence. */
    public static final String SEQUENCE_CONFLICT = "sequence-conflict";
    /** Another top-up of the user already holds this idempotency key. */
    public static final String REQUEST_CONFLICT = "idempotency-key-conflict";
    /** The database refused the event's data (a constraint, an overflow) for a reason not named above. */
    public static final String REFUSED_BY_DATABASE = "refused-by-database";
    /** Applying the event alone failed, with an exception that is not an infrastructure failure. */
    public static final String FAILED_ALONE = "failed-alone";
    /** An operator set the record aside by its position (dead-letters set-aside). */
    public static final String SET_ASIDE_BY_OPERATOR = "set-aside-by-operator";

    private static final int MAX_MESSAGE = 1000;

    /** Every reason a record can be set aside for: the contract's violations, then the ledger's own refusals. */
    public static List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        Arrays.stream(Violation.values()).map(Violation::code).forEach(reasons::add);
        reasons.addAll(List.of(
                CURRENCY_MISMATCH,
                CONFLICTING_COPY,
                SEQUENCE_CONFLICT,
                REQUEST_CONFLICT,
                REFUSED_BY_DATABASE,
                FAILED_ALONE,
                SET_ASIDE_BY_OPERATOR));
        return List.copyOf(reasons);
    }

    public Refusal {
        message = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    public static Refusal of(InvalidWalletEvent invalid) {
        return new Refusal(invalid.violation().code(), String.valueOf(invalid.getMessage()), invalid);
    }
}
