package org.switchboard.cluster;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.dashboard.DashboardPushClient;

/**
 * Cross-node repaint (issue 17 (a)): two nodes as separate JVMs on one embedded MariaDB and a Redis of
 * their own, started by scripts/cluster.sh as in {@code ClusterIT}. Run:
 * {@code mvn -Pbenchmark verify -Dbenchmark=org.switchboard.cluster.ClusterBenchmark}.
 * <p>
 * {@code DASHBOARDS} dashboards per node (100 unless set) are held open by {@link DashboardPushClient}
 * stand-ins, as in the dashboard benchmark: the demo members of Sales (agent1 to agent4 and the
 * supervisor), several sessions each, none logged in to a queue, so calls wait and the queue's figures
 * are what changes. {@code CHANGES} calls (50 unless set) arrive through node A's API, one every
 * 500 ms. Each node times, on its own clock, each change from its commit (on either node) to the
 * repaint its dashboards push ({@code switchboard.dashboard.change.shown}); node B sees only node A's
 * changes, so its figures are the cross-node repaint, server side; node A's, beside them, the local one.
 */
public final class ClusterBenchmark {

    private static final int DASHBOARDS = setting("DASHBOARDS", 100);
    private static final int CHANGES = setting("CHANGES", 50);
    private static final List<String> SALES = List.of("agent1", "agent2", "agent3", "agent4", "supervisor");
    private static final Pattern QUANTILE = Pattern.compile(
            "switchboard_dashboard_change_shown_seconds\\{[^}]*quantile=\"(0\\.5|0\\.99)\"[^}]*} ([0-9.Ee+-]+)");
    private static final Pattern COUNT = Pattern.compile("switchboard_dashboard_change_shown_seconds_count(?:\\{[^}]*})? ([0-9.Ee+-]+)");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (TwoNodes nodes = TwoNodes.start(Path.of("target/cluster-benchmark"),
                // the benchmark's own API calls stay under the rate limit
                "--switchboard.api.requests-per-second=1000 --switchboard.api.burst=1000")) {
            run(nodes);
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

    private static int setting(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value);
    }
}
