package org.switchboard.dispatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Routing engine benchmark on the embedded MariaDB, with dispatch on its background thread as in
 * production. Run: {@code mvn -Pbenchmark verify -Dbenchmark=DispatchBenchmark}. Prints
 * (a) dispatch throughput with 200 simulated agents that accept, end and end wrap-up at once, and
 * (b) creation-to-committed-offer latency at 50 contacts/s.
 */
public final class DispatchBenchmark {

    private static final int AGENTS = 200;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SwitchboardApplication.class,
                RoutingFixture.class).profiles("test")
                .run("--switchboard.dispatch.async=true", "--switchboard.demo=false", "--server.port=0",
                        "--logging.level.root=warn")) {
            SystemUser.run(() -> run(app));
        }
        // The embedded MariaDB's process watcher is not a daemon thread; the JVM would wait for it forever.
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app) {
        RoutingFixture fixture = app.getBean(RoutingFixture.class);
        ContactService contacts = app.getBean(ContactService.class);
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        List<UserSummary> agents = fixture.readyAgents(AGENTS, queue);
        System.out.printf("Benchmark: %d agents ready in queue %s, %d cores%n", AGENTS, queue.name(),
                Runtime.getRuntime().availableProcessors());

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService agentThreads = Executors.newFixedThreadPool(4);
        for (int worker = 0; worker < 4; worker++) {
            int shard = worker;
            agentThreads.submit(() -> SystemUser.run(() -> simulateAgents(contacts, jdbc, queue, shard, running)));
        }

        // (a) Throughput: keep 400 calls waiting and count offers over 20 s.
        ExecutorService producers = Executors.newFixedThreadPool(4);
        AtomicBoolean flooding = new AtomicBoolean(true);
        for (int p = 0; p < 4; p++) {
            producers.submit(() -> SystemUser.run(() -> {
                while (flooding.get()) {
                    int waiting = jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ? AND state = 'QUEUED'")
                            .param(queue.id()).query(Integer.class).single();
                    if (waiting < 400) {
                        // A share of the shortfall per count: counting 400 waiting rows before every
                        // create cost the database more than the create itself.
                        for (int i = Math.min(25, Math.max(10, (400 - waiting) / 4)); i > 0; i--) {
                            create(contacts, queue);
                        }
                    } else {
                        sleep(50); // 400 calls last more than a second at the target rate
                    }
                }
            }));
        }
        sleep(5_000); // warm-up
        int before = offers(jdbc, queue);
        long started = System.nanoTime();
        long dispatcherCpu = dispatcherCpuNanos();
        long jvmCpu = jvmCpuNanos();
        Map<String, Long> database = databaseCounters(jdbc);
        sleep(20_000);
        int offered = offers(jdbc, queue) - before;
        double seconds = (System.nanoTime() - started) / 1e9;
        dispatcherCpu = dispatcherCpuNanos() - dispatcherCpu;
        jvmCpu = jvmCpuNanos() - jvmCpu;
        Map<String, Long> databaseAfter = databaseCounters(jdbc);
        flooding.set(false);
        producers.shutdown();
        System.out.printf("(a) throughput: %d offers in %.1f s = %.0f dispatches/s with %d agents%n", offered, seconds,
                offered / seconds, AGENTS);
        // The engine's own share of the JVM's CPU; MariaDB's work for its statements is not in it.
        System.out.printf("    CPU: dispatcher thread %.1f s (%.2f ms per offer), whole JVM %.1f s, of %.0f s on %d cores%n",
                dispatcherCpu / 1e9, dispatcherCpu / 1e6 / Math.max(1, offered), jvmCpu / 1e9,
                seconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        // Load on the machine changes the rates; the database work per offer does not.
        System.out.printf("    MariaDB per offer (engine, simulated agents and producers together): %.1f statements, %.1f commits%n",
                (databaseAfter.get("QUESTIONS") - database.get("QUESTIONS")) / (double) Math.max(1, offered),
                (databaseAfter.get("COM_COMMIT") - database.get("COM_COMMIT")) / (double) Math.max(1, offered));
        // Drain, then measure latency on a quiet engine.
        while (jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ? AND state = 'QUEUED'").param(queue.id())
                .query(Integer.class).single() > 0) {
            sleep(200);
        }
        sleep(2_000);

        // (b) Latency at 50 contacts/s for 20 s.
        List<Long> ids = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            ids.add(create(contacts, queue).id());
            next += 20_000_000L;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000L);
            }
        }
        sleep(3_000);
        List<Long> latencies = jdbc.sql("""
                SELECT c.created_at, MIN(e.at) FROM contact c JOIN contact_event e ON e.contact_id = c.id AND e.type = 'OFFERED'
                WHERE c.id BETWEEN ? AND ? AND c.queue_id = ? GROUP BY c.id, c.created_at""")
                .params(ids.getFirst(), ids.getLast(), queue.id())
                .query((rs, n) -> rs.getTimestamp(2).getTime() - rs.getTimestamp(1).getTime()).list()
                .stream().sorted().toList();
        System.out.printf("(b) latency creation -> committed offer at 50/s: n=%d p50=%d ms p99=%d ms max=%d ms%n",
                latencies.size(), percentile(latencies, 50), percentile(latencies, 99), latencies.getLast());
        running.set(false);
        agentThreads.shutdown();
        try {
            agentThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plays the agents of one shard: one query finds their contacts, then each moves one step at once. */
    private static void simulateAgents(ContactService contacts, JdbcClient jdbc, QueueInfo queue, int shard,
            AtomicBoolean running) {
        record Open(long id, long agent, String state) {
        }
        while (running.get()) {
            List<Open> open = jdbc.sql("""
                    SELECT id, agent_id, state FROM contact WHERE queue_id = ? AND state IN ('OFFERED','CONNECTED','WRAP_UP')
                    AND MOD(agent_id, 4) = ?""").params(queue.id(), shard)
                    .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3))).list();
            for (Open contact : open) {
                try {
                    switch (contact.state()) {
                        case "OFFERED" -> contacts.accept(contact.agent(), contact.id());
                        case "CONNECTED" -> contacts.end(contact.agent(), contact.id());
                        default -> contacts.endWrapUp(contact.agent());
                    }
                } catch (ConflictException ignored) {
                    // moved on meanwhile
                }
            }
            if (open.isEmpty()) {
                sleep(2);
            }
        }
    }

    private static long dispatcherCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("dispatcher"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).filter(n -> n > 0).sum();
    }

    private static Map<String, Long> databaseCounters(JdbcClient jdbc) {
        Map<String, Long> counters = new HashMap<>();
        jdbc.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")
                .query(rs -> {
                    counters.put(rs.getString(1).toUpperCase(), rs.getLong(2));
                });
        return counters;
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static ContactView create(ContactService contacts, QueueInfo queue) {
        return contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE, "Bench", "+15550100"));
    }

    private static int offers(JdbcClient jdbc, QueueInfo queue) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_event e JOIN contact c ON c.id = e.contact_id WHERE c.queue_id = ? AND e.type = 'OFFERED'")
                .param(queue.id()).query(Integer.class).single();
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DispatchBenchmark() {
    }

}
