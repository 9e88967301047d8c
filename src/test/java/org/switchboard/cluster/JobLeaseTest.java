package org.switchboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.switchboard.SwitchboardTest;

/** A job's lease on the shared database: one holder at a time, even when nodes ask at the same moment. */
@SwitchboardTest
class JobLeaseTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    JobLease node(String name) {
        return new JobLease(jdbc, transactions, name);
    }

    @Test
    void oneHolderUntilItsLeaseRunsOutThenAnother() {
        String job = "lease-test-" + System.nanoTime();
        JobLease a = node("node-a");
        JobLease b = node("node-b");

        assertThat(a.hold(job, Duration.ofMillis(800))).isTrue();
        assertThat(b.hold(job, Duration.ofSeconds(30))).as("held by a").isFalse();
        assertThat(a.hold(job, Duration.ofMillis(800))).as("a renews").isTrue();

        // a stops renewing (a node that died): b takes over once a's lease ran out by the database's clock.
        await().atMost(Duration.ofSeconds(20)).until(() -> b.hold(job, Duration.ofSeconds(30)));
        assertThat(a.hold(job, Duration.ofSeconds(30))).isFalse();

        b.release(job);
        assertThat(a.hold(job, Duration.ofSeconds(30))).as("a released lease is free at once").isTrue();
    }

    @Test
    void nodesAskingAtOnceGetOneHolder() throws Exception {
        String job = "lease-race-" + System.nanoTime();
        List<Callable<Boolean>> asks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JobLease node = node("racer-" + i);
            asks.add(() -> node.hold(job, Duration.ofSeconds(30)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            int holders = 0;
            for (Future<Boolean> answer : pool.invokeAll(asks)) {
                holders += answer.get() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        }
    }
}
