package org.switchboard.api;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer while the database cannot be reached: 503 problem+json with Retry-After, within
 * the pool's connection timeout. Controllers' failures reach {@link #answer()} through {@link ApiErrors};
 * this filter catches what fails before them (the API key check reads the database), so such a
 * failure never falls through to the error page and the browser UI's sign-in redirect.
 */
class DatabaseUnavailable extends OncePerRequestFilter {

    static final long RETRY_AFTER_SECONDS = 5;
    static final String DETAIL = "The database cannot be reached at the moment. Retry after " + RETRY_AFTER_SECONDS
            + " s, with the same Idempotency-Key: a retry never creates a second contact.";

    private final JsonMapper json;

    DatabaseUnavailable(JsonMapper json) {
        this.json = json;
    }

    static ResponseEntity<ProblemDetail> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Long.toString(RETRY_AFTER_SECONDS))
                .body(ApiErrors.problem(HttpStatus.SERVICE_UNAVAILABLE, DETAIL));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!isCause(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
            ApiKeyFilter.problem(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        }
    }

    /**
     * A failure to reach the database, as Spring translates it or as the driver and pool report it (SQL
     * state class 08 is "connection exception"). A connection that dies in a transaction fails its
     * rollback too; Spring then throws a TransactionSystemException about the rollback and keeps the
     * first failure as its application exception.
     */
    static boolean isCause(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                    || e instanceof CannotCreateTransactionException
                    || e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                    || e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || e instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                            && isCause(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }
}
