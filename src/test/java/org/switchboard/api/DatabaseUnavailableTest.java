package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
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
        // The connection died in the transaction, so its rollback failed too: Spring reports the rollback.
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed", "08003"));
        assertThat(DatabaseUnavailable.isCause(rollbackFailed)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new ServletException("Request processing failed", rollbackFailed))).isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseUnavailable.isCause(new DuplicateKeyException("Duplicate entry", new SQLException("Duplicate", "23000")))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("no"))).isFalse();
    }
}
