package org.switchboard.cluster;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leases in the database ({@code job_lease}) for jobs that must run on one app node at a time. A node
 * takes a job's lease when nobody holds it or the holder's lease ran out, and keeps it by asking again
 * before it runs out; the database's clock decides, so the nodes' clocks need not agree. A node that dies
 * holds the job until its lease ends, then another node takes over.
 */
@Component
public class JobLease {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String node;

    @Autowired
    JobLease(JdbcClient jdbc, PlatformTransactionManager transactions, ClusterNode node) {
        this(jdbc, transactions, node.id());
    }

    /** A lease as the node named {@code node} holds it (tests play a second node with it). */
    public JobLease(JdbcClient jdbc, PlatformTransactionManager transactions, String node) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.node = node;
    }

    /** Takes or renews this node's lease of {@code job} for {@code length}; false while another node holds it. */
    public boolean hold(String job, Duration length) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            // One statement, under the row's lock: the holder is replaced only when it is us or its lease ran
            // out, and the end moves only for the holder (MariaDB applies the assignments left to right).
            jdbc.sql("""
                    INSERT INTO job_lease (job, holder, expires_at) VALUES (:job, :node, NOW(6) + INTERVAL :micros MICROSECOND)
                    ON DUPLICATE KEY UPDATE
                      holder = IF(holder = VALUES(holder) OR expires_at < NOW(6), VALUES(holder), holder),
                      expires_at = IF(holder = VALUES(holder), VALUES(expires_at), expires_at)""")
                    .param("job", job).param("node", node).param("micros", length.toNanos() / 1_000)
                    .update();
            return node.equals(jdbc.sql("SELECT holder FROM job_lease WHERE job = :job").param("job", job)
                    .query(String.class).single());
        }));
    }

    /** Gives {@code job} up at once, if this node holds it, so another node can take it without waiting. */
    public void release(String job) {
        transactions.executeWithoutResult(status -> jdbc.sql(
                "UPDATE job_lease SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE job = :job AND holder = :node")
                .param("job", job).param("node", node).update());
    }
}
