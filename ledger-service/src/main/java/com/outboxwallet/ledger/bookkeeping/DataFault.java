package com.outboxwallet.ledger.bookkeeping;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A failure caused by the data of a statement: SQLSTATE class 22 (data exception, such as a numeric overflow) or 23
 * (integrity constraint violation). It names why an event that failed applied alone is set aside (a constraint's name
 * tells a sequence conflict from a reused request key); whether a failure is retried at all is
 * {@link InfrastructureFailure}'s to say.
 */
final class DataFault {

    private DataFault() {}

    static Optional<SQLException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return Optional.of(sql);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
