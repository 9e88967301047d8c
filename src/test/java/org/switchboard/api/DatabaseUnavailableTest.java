package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures the API answers with 503: those of reaching the database, however they are wrapped. */
class DatabaseUnavailableTest {

    @Test
    void failuresToReachTheDatabaseAreRecognisedHoweverWrapped() {
        var poolTimedOut = new SQLTransientConnectionException("switchboard-embedded - Connection is not available");
        assertThat(DatabaseUnavailable.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", poolTimedOut))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", poolTimedOut))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Communications link failure", "08S01"))).isTrue();
        // The connection died in the transaction, so its rollback failed too: Spring reports the rollback
        // (Hikari's "Connection is closed" has no SQL state) and keeps the first failure aside.
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new DataAccessResourceFailureException("Socket error",
                new SQLNonTransientConnectionException("(conn=4) Socket error")));
        assertThat(DatabaseUnavailable.isCause(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ServletException("Request processing failed", rollbackFailed))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DuplicateKeyException("Duplicate entry", new SQLException("Duplicate", "23000")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no"))).isFalse();
        var rollbackFailedAfterABug = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollbackFailedAfterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.isCause(rollbackFailedAfterABug)).isFalse();
    }
}
