package com.outboxwallet.ledger.bookkeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class InfrastructureFailureTest {

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(
            strings = {
                "08006", // connection failure
                "08001", // cannot connect
                "57P01", // admin shutdown (backend terminated)
                "57P03", // cannot connect now (starting up)
                "57014", // statement timeout
                "55000", // database not accepting connections
                "55P03", // lock not available
                "40001", // serialization failure
                "40P01", // deadlock
                "25006", // read-only transaction (a standby)
                "53300", // too many connections
                "58030", // I/O error
                "XX000", // internal error
                "42P01", // undefined table: a wrong deployment, never a row's values
                "42501" // insufficient privilege
            })
    void aFailureOfTheDatabaseOrOfTheLedgersOwnSetUpIsRecognised(String state) {
        SQLException failure = new SQLException("failed", state);

        assertThat(InfrastructureFailure.in(new RuntimeException(new RuntimeException(failure))))
                .isTrue();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(
            strings = {
                "23505", // unique violation
                "23514", // check violation
                "22003", // numeric overflow
                "22P02", // invalid text representation
                "22021", // character not in repertoire (a NUL in a string)
                "54000", // program limit: an index row too large for one value
                "P0001" // raised by a trigger
            })
    void aFailureARowsValuesCanCauseIsNot(String state) {
        SQLException failure = new SQLException("refused", state);

        assertThat(InfrastructureFailure.in(new DataIntegrityViolationException("refused", failure)))
                .isFalse();
        // Spring files class 54 under resource failures; the SQLSTATE decides.
        assertThat(InfrastructureFailure.in(new DataAccessResourceFailureException("limit", failure)))
                .isFalse();
    }

    @Test
    void aConnectionThePoolCouldNotGetIsRecognisedWhateverItWraps() {
        SQLException refused = new SQLException("database is not currently accepting connections", "55000");

        assertThat(InfrastructureFailure.in(new CannotCreateTransactionException(
                        "no connection", new SQLTransientConnectionException("timed out", null, refused))))
                .isTrue();
        assertThat(InfrastructureFailure.in(new CannotGetJdbcConnectionException("pool exhausted")))
                .isTrue();
        assertThat(InfrastructureFailure.in(new IllegalStateException(new ConnectException("refused"))))
                .isTrue();
        assertThat(InfrastructureFailure.in(new SQLException("I/O error", null, new IOException("reset"))))
                .isTrue();
    }

    @Test
    void anythingElseIsNotRecognisedAndSoIsTriedRecordByRecord() {
        assertThat(InfrastructureFailure.in(new IllegalStateException("a bug"))).isFalse();
        assertThat(InfrastructureFailure.in(new OutOfMemoryError("too large to fit in a String")))
                .isFalse();
        assertThat(InfrastructureFailure.in(new NullPointerException())).isFalse();
    }

    @Test
    void aRollbackThatFailedOnAConnectionTheDatabaseDroppedIsRecognisedWhateverTheBatchDid() {
        // What the pool answers once the database dropped the connection: no SQLSTATE. Found by ShortFaultRunIT,
        // where terminate-database-connections made a valid reversal be set aside as failed-alone.
        TransactionSystemException rollbackFailed =
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(
                new DataIntegrityViolationException("refused", new SQLException("refused", "23505")));

        assertThat(InfrastructureFailure.in(rollbackFailed)).isTrue();
        assertThat(InfrastructureFailure.in(new RuntimeException(rollbackFailed)))
                .isTrue();
    }
}
