package org.switchboard.common;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs a transaction again when InnoDB chose it as a deadlock's victim or it waited too long for a
 * lock: both are normal outcomes of concurrent transactions, and the database has rolled the attempt
 * back, so running it again from the start is safe. A few attempts with a short jittered pause; what
 * still fails is thrown as it came, and callers answer it as "busy, nothing changed, try again".
 * {@link TransactionRetryConfiguration} puts this around every transaction boundary of the app.
 */
@Component
public class TransactionRetry {

    /** Retries after the first attempt. Deadlocks clear within milliseconds; a storm needs more than one. */
    static final int MAX_RETRIES = 4;

    private static final Logger log = LoggerFactory.getLogger(TransactionRetry.class);

    private final RetryTemplate template;
    private final MeterRegistry meters;

    TransactionRetry(MeterRegistry meters) {
        this.meters = meters;
        this.template = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(MAX_RETRIES)
                .delay(Duration.ofMillis(10))
                .jitter(Duration.ofMillis(10))
                .multiplier(2)
                .maxDelay(Duration.ofMillis(200))
                .predicate(TransactionRetry::lostALockConflict)
                .build());
        this.template.setRetryListener(new Counting());
    }

    /** True when {@code failure} (or a cause of it) says the transaction lost a lock conflict. */
    public static boolean lostALockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code transaction} (which must open and end its own transaction), again after a lost lock conflict. */
    public <T> T run(String operation, Supplier<T> transaction) {
        try {
            return template.execute(new Named<>(operation, transaction::get));
        } catch (RetryException e) {
            throw rethrow(e.getLastException());
        }
    }

    /** As {@link #run(String, Supplier)} for an attempt that may throw checked exceptions (a proxied call). */
    public Object runThrowing(String operation, Retryable<Object> transaction) throws Throwable {
        try {
            return template.execute(new Named<>(operation, transaction));
        } catch (RetryException e) {
            throw e.getLastException();
        }
    }

    private static RuntimeException rethrow(Throwable last) {
        if (last instanceof RuntimeException runtime) {
            return runtime;
        }
        if (last instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(last);
    }

    private record Named<T>(String operation, Retryable<T> attempt) implements Retryable<T> {

        @Override
        public T execute() throws Throwable {
            return attempt.execute();
        }

        @Override
        public String getName() {
            return operation;
        }
    }

    /** Counts retries and exhaustions per operation ({@code switchboard.transaction.retries}). */
    private final class Counting implements RetryListener {

        @Override
        public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
            count(retryable, "retried");
        }

        @Override
        public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
            if (lostALockConflict(exception.getLastException())) {
                count(retryable, "gave-up");
                log.warn("{} still lost a lock conflict after {} retries: {}", retryable.getName(), MAX_RETRIES,
                        exception.getLastException().getMessage());
            }
        }

        private void count(Retryable<?> retryable, String outcome) {
            Counter.builder("switchboard.transaction.retries")
                    .description("Transactions run again after a deadlock or lock wait timeout, and those given up")
                    .tag("operation", retryable.getName()).tag("outcome", outcome)
                    .register(meters).increment();
        }
    }
}
