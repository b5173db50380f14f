package com.outboxwallet.ledger.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class DataFaultTest {

    @Test
    void aConstraintViolationOrADataExceptionAnywhereInTheCausesIsTheDatasFault() {
        SQLException unique = new SQLException("duplicate key value violates unique constraint", "23505");
        SQLException overflow = new SQLException("numeric field overflow", "22003");

        assertThat(DataFault.in(new DataIntegrityViolationException("insert failed", unique)))
                .contains(unique);
        assertThat(DataFault.in(new RuntimeException(new RuntimeException(overflow))))
                .contains(overflow);
    }

    @Test
    void anUnreachableOrBusyDatabaseIsNot() {
        SQLException refused = new SQLException("database is not currently accepting connections", "55000");
        SQLException closed = new SQLException("An I/O error occurred while sending to the backend", "08006");
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        SQLException readOnly = new SQLException("cannot execute INSERT in a read-only transaction", "25006");
        SQLException timeout = new SQLException("canceling statement due to statement timeout", "57014");

        assertThat(DataFault.in(new CannotCreateTransactionException(
                        "no connection", new SQLTransientConnectionException("timed out", null, refused))))
                .isEmpty();
        for (SQLException failure : new SQLException[] {closed, deadlock, readOnly, timeout}) {
            assertThat(DataFault.in(new RuntimeException(failure)))
                    .as(failure.getSQLState())
                    .isEmpty();
        }
        assertThat(DataFault.in(new CannotGetJdbcConnectionException("pool exhausted")))
                .isEmpty();
    }
}
