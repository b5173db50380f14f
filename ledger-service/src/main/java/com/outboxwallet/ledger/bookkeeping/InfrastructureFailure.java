package com.outboxwallet.ledger.bookkeeping;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises, positively, a failure of what the ledger stands on rather than of the record it was applying: the
 * database unreachable, shutting down, failing over, read-only, out of resources, timing out or in a lock conflict,
 * or the ledger's own schema or grants wrong, or a transaction that could not be committed or rolled back. Such a failure says nothing against the record and may pass, so the
 * consumer waits it out and retries without limit. Anything this does not recognise is not retried blindly: the batch
 * is applied event by event and the event that fails alone is set aside ({@link LedgerRecorder}).
 */
public final class InfrastructureFailure {

    /**
     * SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown,
     * statement timeout, cannot connect now), 58 system error, 40 transaction rollback (serialization, deadlock), 55
     * object not in prerequisite state (lock not available, database not accepting connections), XX internal error;
     * and what only a wrong deployment causes, never a row's values: 42 (undefined table or column, insufficient
     * privilege), 3D and 3F (no such database or schema), 28 (authorization).
     */
    private static final Set<String> CLASSES = Set.of("08", "53", "57", "58", "40", "55", "XX", "42", "3D", "3F", "28");

    /** 25006 read-only transaction (a standby, or a primary demoted), 25P03 idle-in-transaction timeout. */
    private static final Set<String> STATES = Set.of("25006", "25P03");

    private InfrastructureFailure() {}

    public static boolean in(Throwable failure) {
        // The transaction's own commit or rollback failed: that is the connection or the database, never a record.
        // It must come first: the SQLException under it often has no SQLSTATE at all (a pool's connection already
        // closed after the database dropped it answers "Connection is closed"), and whatever the record did (the
        // application exception) shows again, to be judged, when the batch is tried on a live connection.
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransactionSystemException) {
                return true;
            }
        }
        // The database's own SQLSTATE decides where there is one: Spring's translation files some statement limits
        // (class 54, such as an index row too large for one value) under resource failures, which a record can cause.
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                return recognised(sql);
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean recognised(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLTransientException
                || sql instanceof SQLRecoverableException
                || sql instanceof SQLNonTransientConnectionException
                || (state != null
                        && state.length() == 5
                        && (CLASSES.contains(state.substring(0, 2)) || STATES.contains(state)))
                || (state == null && sql.getCause() instanceof IOException);
    }

    private static @Nullable Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
