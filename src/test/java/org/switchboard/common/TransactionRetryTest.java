package org.switchboard.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.SwitchboardTest;

/** Transactions that lose a deadlock or a lock wait run again as a whole, a bounded number of times. */
@SwitchboardTest
class TransactionRetryTest {

    @Autowired
    LockConflictProbe probe;
    @Autowired
    LockConflictProbe.Inner inner;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void probeTable() {
        jdbc.sql("CREATE OR REPLACE TABLE retry_probe (id INT PRIMARY KEY, v INT NOT NULL)").update();
        // Connections leave the pool with auto-commit off: the rows need a transaction that commits.
        transactions.executeWithoutResult(status -> jdbc.sql("INSERT INTO retry_probe (id, v) "
                + "WITH RECURSIVE n (id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < 100) SELECT id, 0 FROM n").update());
        probe.reset();
        inner.reset();
    }

    @AfterEach
    void dropProbeTable() {
        jdbc.sql("DROP TABLE IF EXISTS retry_probe").update();
    }

    @Test
    void aTransactionChosenAsADeadlockVictimRunsAgainAndCommitsOnce() throws Exception {
        double retriedBefore = count("LockConflictProbe.changeRowOneThenTwo", "retried");
        CountDownLatch probeHoldsRowOne = new CountDownLatch(1);
        CountDownLatch rivalHoldsRowTwo = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        // The rival changes 50 rows first: InnoDB rolls back the transaction that changed fewer, the probe's.
        Future<?> rival = executor.submit(() -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(false);
                sql.executeUpdate("UPDATE retry_probe SET v = v + 10 WHERE id > 50");
                sql.executeUpdate("UPDATE retry_probe SET v = v + 10 WHERE id = 2");
                rivalHoldsRowTwo.countDown();
                probeHoldsRowOne.await(10, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(10)).until(this::probeWaitsForALock);
                sql.executeUpdate("UPDATE retry_probe SET v = v + 10 WHERE id = 1");
                connection.commit();
            }
            return null;
        });

        probe.changeRowOneThenTwo(probeHoldsRowOne, rivalHoldsRowTwo);
        rival.get(20, TimeUnit.SECONDS);
        executor.shutdown();

        assertThat(probe.attempts()).as("the deadlock victim ran again").isEqualTo(2);
        assertThat(value(1)).as("rival's change plus the probe's second attempt; the first was rolled back").isEqualTo(11);
        assertThat(value(2)).isEqualTo(11);
        assertThat(count("LockConflictProbe.changeRowOneThenTwo", "retried")).isEqualTo(retriedBefore + 1);
    }

    @Test
    void aTransactionThatKeepsLosingGivesUpAfterItsRetriesAndChangesNothing() {
        double gaveUpBefore = count("LockConflictProbe.alwaysLoses", "gave-up");
        assertThatThrownBy(() -> probe.alwaysLoses()).isInstanceOf(CannotAcquireLockException.class);
        assertThat(probe.attempts()).isEqualTo(1 + TransactionRetry.MAX_RETRIES);
        assertThat(value(1)).as("every attempt rolled back").isZero();
        assertThat(count("LockConflictProbe.alwaysLoses", "gave-up")).isEqualTo(gaveUpBefore + 1);
    }

    @Test
    void aMethodInsideARunningTransactionIsRetriedOnlyWithTheWholeTransaction() {
        probe.callsAnInnerThatLosesOnce();
        assertThat(probe.attempts()).as("the outer transaction ran again").isEqualTo(2);
        assertThat(inner.attempts()).isEqualTo(2);
        assertThat(value(1)).as("committed once").isEqualTo(1);
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThatThrownBy(() -> probe.changeRowOneThenTwo(new CountDownLatch(1), new CountDownLatch(0) {
            @Override
            public boolean await(long timeout, TimeUnit unit) {
                throw new IllegalArgumentException("not a lock conflict");
            }
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(probe.attempts()).isEqualTo(1);
        assertThat(value(1)).isZero();
    }

    private int value(int id) {
        return jdbc.sql("SELECT v FROM retry_probe WHERE id = ?").param(id).query(Integer.class).single();
    }

    /** The probe's change of row 2 waits for the rival's lock: the rival's next change closes the cycle. */
    private boolean probeWaitsForALock() {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' "
                + "AND trx_query LIKE '%retry_probe%'").query(Integer.class).single() > 0;
    }

    private double count(String operation, String outcome) {
        Counter counter = meters.find("switchboard.transaction.retries").tag("operation", operation).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
