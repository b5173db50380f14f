package com.outboxwallet.ledger.bookkeeping;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A failure caused by the data of a statement rather than by the database being unavailable: SQLSTATE class 22 (data
 * exception, such as a numeric overflow) or 23 (integrity constraint violation). Repeating the statement with the same
 * rows fails the same way, so the rows are at fault; every other failure (connection, timeout, deadlock, read-only,
 * shutdown) may pass and is retried.
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
