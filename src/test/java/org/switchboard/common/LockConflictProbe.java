package org.switchboard.common;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactions of the tests that lose lock conflicts, so {@link TransactionRetry} can be watched at
 * a real transaction boundary. Works on the table {@code retry_probe (id, v)} that its test makes.
 */
public class LockConflictProbe {

    private final AtomicInteger attempts = new AtomicInteger();
    private final JdbcClient jdbc;
    private final Inner inner;

    public LockConflictProbe(JdbcClient jdbc, Inner inner) {
        this.jdbc = jdbc;
        this.inner = inner;
    }

    /** How often a method of the probe started since the last reset (read through the proxy, hence a method). */
    public int attempts() {
        return attempts.get();
    }

    public void reset() {
        attempts.set(0);
    }

    /**
     * Changes row 1, tells the rival so, waits until the rival holds row 2, then changes row 2: if the
     * rival then asks for row 1, this is a deadlock, and InnoDB rolls back the lighter transaction.
     */
    @Transactional
    public void changeRowOneThenTwo(CountDownLatch holdsRowOne, CountDownLatch rivalHoldsRowTwo) throws InterruptedException {
        attempts.incrementAndGet();
        jdbc.sql("UPDATE retry_probe SET v = v + 1 WHERE id = 1").update();
        holdsRowOne.countDown();
        if (!rivalHoldsRowTwo.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The rival never took row 2");
        }
        jdbc.sql("UPDATE retry_probe SET v = v + 1 WHERE id = 2").update();
    }

    /** Changes row 1 and then loses a lock wait every time. */
    @Transactional
    public void alwaysLoses() {
        attempts.incrementAndGet();
        jdbc.sql("UPDATE retry_probe SET v = v + 1 WHERE id = 1").update();
        throw new CannotAcquireLockException("Lock wait timeout exceeded; try restarting transaction");
    }

    /** Changes row 1, then calls a transactional method that joins this transaction and loses once. */
    @Transactional
    public void callsAnInnerThatLosesOnce() {
        attempts.incrementAndGet();
        jdbc.sql("UPDATE retry_probe SET v = v + 1 WHERE id = 1").update();
        inner.losesOnce();
    }

    /** A transactional method that joins its caller's transaction. */
    public static class Inner {

        private final AtomicInteger attempts = new AtomicInteger();

        public int attempts() {
            return attempts.get();
        }

        public void reset() {
            attempts.set(0);
        }

        @Transactional
        public void losesOnce() {
            if (attempts.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("Deadlock found when trying to get lock; try restarting transaction");
            }
        }
    }
}
