package org.switchboard.cluster;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.dashboard.DashboardPushClient;

/**
 * Several nodes, measured (issue 17): two nodes as separate JVMs on one MariaDB (the embedded one, or
 * TEST_DATABASE_URL's server) and a Redis of their own, started by scripts/cluster.sh as in
 * {@code ClusterIT}. Run: {@code mvn -Pbenchmark verify -Dbenchmark=org.switchboard.cluster.ClusterBenchmark}.
 * <p>
 * (a) Cross-node repaint.
 * {@code DASHBOARDS} dashboards per node (100 unless set) are held open by {@link DashboardPushClient}
 * stand-ins, as in the dashboard benchmark: the demo members of Sales (agent1 to agent4 and the
 * supervisor), several sessions each, none logged in to a queue, so calls wait and the queue's figures
 * are what changes. {@code CHANGES} calls (50 unless set) arrive through node A's API, one every
 * 500 ms. Each node times, on its own clock, each change from its commit (on either node) to the
 * repaint its dashboards push ({@code switchboard.dashboard.change.shown}); node B sees only node A's
 * changes, so its figures are the cross-node repaint, server side; node A's, beside them, the local one.
 * <p>
 * (b) Dispatch throughput, two nodes against one: the six demo agents work Sales through desk phones
 * ({@link DeskPhone}, looking every 5 ms) that accept, hang up and end wrap-up at once, while calls
 * arrive through the API as fast as the agents take them (a backlog of {@link #BACKLOG} waiting calls is
 * kept). First the agents and calls are spread over both nodes, then node B is killed and everything goes
 * through node A. Each phase warms up for {@code WARM_UP} seconds (5) and counts the offers the engine
 * makes in the next {@code SECONDS} (30): contacts dispatched per second.
 * <p>
 * (c) The database's own limit, right after each phase and with the same number of connections as the
 * nodes' pools hold (HikariCP's maximum, read from the nodes' metrics): as many threads as connections,
 * each updating one row of its own and committing, for {@code SECONDS}. Printed beside (b) as the
 * ratio of dispatched contacts to commits per second.
 */
public final class ClusterBenchmark {

    private static final int DASHBOARDS = setting("DASHBOARDS", 100);
    private static final int CHANGES = setting("CHANGES", 50);
    private static final List<String> SALES = List.of("agent1", "agent2", "agent3", "agent4", "supervisor");
    private static final Pattern QUANTILE = Pattern.compile(
            "switchboard_dashboard_change_shown_seconds\\{[^}]*quantile=\"(0\\.5|0\\.99)\"[^}]*} ([0-9.Ee+-]+)");
    private static final Pattern COUNT = Pattern.compile("switchboard_dashboard_change_shown_seconds_count(?:\\{[^}]*})? ([0-9.Ee+-]+)");
    private static final Pattern POOL_MAX = Pattern.compile("hikaricp_connections_max\\{[^}]*} ([0-9.Ee+-]+)");
    private static final List<String> AGENTS = List.of("agent1", "agent2", "agent3", "agent4", "agent5", "agent6");
    private static final int WARM_UP = setting("WARM_UP", 5);
    private static final int SECONDS = setting("SECONDS", 30);
    /** Waiting calls kept in Sales while the agents work: the engine always has a call to offer. */
    private static final int BACKLOG = 20;

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TwoNodes nodes = TwoNodes.start(Path.of("target/cluster-benchmark"), "-Xmx512m",
                // the benchmark's own API calls stay under the rate limit
                "--switchboard.api.requests-per-second=1000 --switchboard.api.burst=1000")) {
            run(nodes);
            dispatchThroughput(nodes);
        }
        // The embedded MariaDB's process watcher is not a daemon thread; the JVM would wait for it forever.
        System.exit(0);
    }

    private static void run(TwoNodes nodes) throws Exception {
        System.out.printf("Cluster benchmark: %d stand-in dashboards per node, %d changes on node A, %d cores%n",
                DASHBOARDS, CHANGES, Runtime.getRuntime().availableProcessors());
        HttpClient http = DashboardPushClient.httpClient();
        List<DashboardPushClient> open = new ArrayList<>();
        try (ExecutorService opening = Executors.newFixedThreadPool(4)) {
            List<Future<DashboardPushClient>> opened = new ArrayList<>();
            for (int node : List.of(nodes.nodeA, nodes.nodeB)) {
                for (int i = 0; i < DASHBOARDS; i++) {
                    String username = SALES.get(i % SALES.size());
                    opened.add(opening.submit(() -> DashboardPushClient.openAny(http, "http://127.0.0.1:" + node, username, "switchboard")));
                }
            }
            for (Future<DashboardPushClient> dashboard : opened) {
                open.add(dashboard.get());
            }
        }
        System.out.printf("%d dashboards open%n", open.size());
        try {
            for (int k = 1; k <= CHANGES; k++) {
                TwoNodes.api(nodes.nodeA, "POST", "/contacts", "{\"queue\":\"Sales\",\"type\":\"INBOUND_CALL\",\"channel\":\"VOICE\","
                        + "\"customerName\":\"Caller " + k + "\",\"customerAddress\":\"+1 555 0100\"}");
                Thread.sleep(500);
            }
            Thread.sleep(5_000);
            report("node B (changes committed on node A: cross-node)", nodes.nodeB);
            report("node A (its own changes: local)", nodes.nodeA);
        } finally {
            open.forEach(DashboardPushClient::close);
        }
    }

    private static void report(String what, int node) throws Exception {
        String metrics = TwoNodes.get(node, "/actuator/prometheus").body();
        StringBuilder figures = new StringBuilder();
        Matcher quantile = QUANTILE.matcher(metrics);
        while (quantile.find()) {
            figures.append(String.format(" p%s %.1f ms", quantile.group(1).equals("0.5") ? "50" : "99",
                    Double.parseDouble(quantile.group(2)) * 1000));
        }
        Matcher count = COUNT.matcher(metrics);
        String repaints = count.find() ? String.format("%.0f", Double.parseDouble(count.group(1))) : "?";
        System.out.printf("(a) commit to repaint pushed, %s: %s repaints,%s%n", what, repaints, figures);
    }

    /** (b) and (c): both nodes, then node A alone after node B is killed. */
    private static void dispatchThroughput(TwoNodes nodes) throws Exception {
        try (Connection db = nodes.database(); Statement sql = db.createStatement()) {
            // All six demo agents take Sales' calls (agent5 and agent6 are not in it in the demo).
            sql.executeUpdate("INSERT IGNORE INTO queue_assignment (queue_id, user_id, role) SELECT q.id, u.id, 'AGENT'"
                    + " FROM queue q JOIN app_user u ON u.username IN ('agent5', 'agent6') WHERE q.name = 'Sales'");
        }
        int poolA = poolSize(nodes.nodeA);
        int poolB = poolSize(nodes.nodeB);
        Phase both = dispatchPhase(nodes, List.of(nodes.nodeA, nodes.nodeB));
        double bothLimit = commitsPerSecond(nodes, poolA + poolB);
        nodes.killNode("b");
        Phase one = dispatchPhase(nodes, List.of(nodes.nodeA));
        double oneLimit = commitsPerSecond(nodes, poolA);
        System.out.printf("(b) dispatch, two nodes: %.1f contacts/s (%d in %d s); (c) the database, %d connections: %.0f commits/s;"
                + " ratio %.4f%n", both.perSecond(), both.offers(), SECONDS, poolA + poolB, bothLimit, both.perSecond() / bothLimit);
        System.out.printf("(b) dispatch, one node:  %.1f contacts/s (%d in %d s); (c) the database, %d connections: %.0f commits/s;"
                + " ratio %.4f%n", one.perSecond(), one.offers(), SECONDS, poolA, oneLimit, one.perSecond() / oneLimit);
        System.out.printf("two nodes / one node: %.2f%n", both.perSecond() / one.perSecond());
    }

    private record Phase(int offers, double perSecond) {
    }

    /** The agents spread over {@code apiNodes} in turn; calls arrive through each of them; the offers counted in the window. */
    private static Phase dispatchPhase(TwoNodes nodes, List<Integer> apiNodes) throws Exception {
        AtomicBoolean working = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        try (Connection db = nodes.database(); Statement sql = db.createStatement()) {
            for (int i = 0; i < AGENTS.size(); i++) {
                String agent = AGENTS.get(i);
                int node = apiNodes.get(i % apiNodes.size());
                TwoNodes.api(node, "PUT", "/agents/" + agent + "/status", "{\"action\":\"READY\",\"queues\":[\"Sales\"]}");
                long id;
                try (ResultSet row = sql.executeQuery("SELECT id FROM app_user WHERE username = '" + agent + "'")) {
                    row.next();
                    id = row.getLong(1);
                }
                DeskPhone phone = new DeskPhone(agent, id, node, Duration.ofSeconds(10), Duration.ofMillis(5));
                threads.add(Thread.ofPlatform().name("desk-phone-" + agent).start(() -> phone.run(nodes, working::get)));
            }
            for (int node : apiNodes) {
                threads.add(Thread.ofPlatform().name("calls-" + node).start(() -> arriveCalls(nodes, node, working::get)));
            }
            Thread.sleep(WARM_UP * 1_000L);
            int before = offers(sql);
            long start = System.nanoTime();
            Thread.sleep(SECONDS * 1_000L);
            int offers = offers(sql) - before;
            double seconds = (System.nanoTime() - start) / 1e9;
            working.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            for (String agent : AGENTS) {
                // Between phases the agents log out; the calls still waiting are the next phase's first.
                TwoNodes.api(apiNodes.getFirst(), "PUT", "/agents/" + agent + "/status", "{\"action\":\"LOGOUT\"}");
            }
            return new Phase(offers, offers / seconds);
        }
    }

    /** Calls into Sales through one node's API while the agents work, keeping about {@link #BACKLOG} waiting. */
    private static void arriveCalls(TwoNodes nodes, int node, BooleanSupplier working) {
        try (Connection db = nodes.database(); Statement sql = db.createStatement()) {
            int k = 0;
            while (working.getAsBoolean()) {
                int waiting;
                try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM contact c JOIN queue q ON q.id = c.queue_id"
                        + " WHERE q.name = 'Sales' AND c.state = 'QUEUED'")) {
                    row.next();
                    waiting = row.getInt(1);
                }
                if (waiting >= BACKLOG) {
                    Thread.sleep(5);
                    continue;
                }
                TwoNodes.api(node, "POST", "/contacts", "{\"queue\":\"Sales\",\"type\":\"INBOUND_CALL\",\"channel\":\"VOICE\","
                        + "\"customerName\":\"Caller " + node + "-" + (++k) + "\",\"customerAddress\":\"+1 555 0100\"}");
            }
        } catch (Exception e) {
            throw new IllegalStateException("Calls through node " + node + " failed", e);
        }
    }

    private static int offers(Statement sql) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT COUNT(*) FROM contact_event WHERE type = 'OFFERED'")) {
            row.next();
            return row.getInt(1);
        }
    }

    /** The most connections a node's pool holds (HikariCP's maximum-pool-size). */
    private static int poolSize(int node) throws Exception {
        Matcher max = POOL_MAX.matcher(TwoNodes.get(node, "/actuator/prometheus").body());
        if (!max.find()) {
            throw new IllegalStateException("No hikaricp_connections_max in node " + node + "'s metrics");
        }
        return (int) Double.parseDouble(max.group(1));
    }

    /**
     * (c) A trivial transaction as fast as the database commits it: {@code connections} threads, each with its own
     * connection and its own row, UPDATE one row and COMMIT, for {@code SECONDS}.
     */
    private static double commitsPerSecond(TwoNodes nodes, int connections) throws Exception {
        try (Connection db = nodes.database(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS benchmark_counter (id INT PRIMARY KEY, n BIGINT NOT NULL) ENGINE=InnoDB");
            sql.execute("DELETE FROM benchmark_counter");
            for (int i = 0; i < connections; i++) {
                sql.execute("INSERT INTO benchmark_counter VALUES (" + i + ", 0)");
            }
        }
        AtomicBoolean working = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            int row = i;
            threads.add(Thread.ofPlatform().name("commit-" + i).start(() -> {
                try (Connection db = nodes.database(); PreparedStatement update = db.prepareStatement(
                        "UPDATE benchmark_counter SET n = n + 1 WHERE id = ?")) {
                    db.setAutoCommit(false);
                    update.setInt(1, row);
                    while (working.get()) {
                        update.executeUpdate();
                        db.commit();
                        commits.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("The commit loop failed", e);
                }
            }));
        }
        Thread.sleep(1_000); // every connection open and busy
        long before = commits.get();
        long start = System.nanoTime();
        Thread.sleep(SECONDS * 1_000L);
        long done = commits.get() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        working.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection db = nodes.database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE benchmark_counter");
        }
        return done / seconds;
    }

    private static int setting(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value);
    }
}
