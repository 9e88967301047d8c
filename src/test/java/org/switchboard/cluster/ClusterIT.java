package org.switchboard.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.cluster.TwoNodes.api;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.switchboard.Browsers;

/**
 * Two app nodes as separate JVMs on one database, with Redis and HAProxy in front, started by
 * {@code scripts/cluster.sh} exactly as docs/cluster.md tells an operator to. One two-node run serves
 * every check, in order: what must cross nodes first, then a Redis restart, then node A killed.
 * Browsers reach a chosen node through HAProxy by its sticky cookie; the telephony side (the API) talks
 * to a node directly. Waits are on conditions. Where a wait is bounded by the product's own timers (the
 * heartbeat rule, an offer timeout, a queue's maximum wait), its limit is computed from them plus
 * {@link #BUSY_MACHINE}; how fast a change crosses is the benchmark's business (docs/benchmarks.md).
 * The nodes run with a shorter heartbeat rule than the default 60 s, so the kill test takes seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /** The nodes' heartbeat rule ({@code switchboard.agents.disconnected-after}): silent agents count as Disconnected. */
    static final Duration DISCONNECTED_AFTER = Duration.ofSeconds(30);
    /** How often each node's sweep applies the timers (the default {@code switchboard.dispatch.sweep-interval}). */
    static final Duration SWEEP = Duration.ofSeconds(1);
    /** Sales' offer timeout during the kill test: the shortest a queue takes, so offers on dead agents come back soon. */
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(5);
    /** Sales' maximum wait during the kill test: every call ends by then at the latest, handled or not. */
    static final Duration MAX_WAIT = Duration.ofSeconds(240);
    /** Sales' wrap-up during the kill test (the demo's): a call in wrap-up on a dead agent ends by time. */
    static final Duration WRAP_UP = Duration.ofSeconds(30);
    /** Added to a limit the timers give: on a loaded two-core machine a sweep or a request can be seconds late. */
    static final Duration BUSY_MACHINE = Duration.ofSeconds(30);

    private static TwoNodes cluster;
    private static int balancer;
    private static int nodeA;
    private static int nodeB;
    private static final List<BrowserContext> browsers = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        // The client compiler only and one GC thread: the nodes start sooner and leave more of a busy machine's
        // two cores to the test; what is checked here is behaviour, not speed.
        cluster = TwoNodes.start(Path.of("target/cluster-it"), "-Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                "--switchboard.agents.disconnected-after=" + DISCONNECTED_AFTER.toSeconds() + "s");
        balancer = cluster.balancer;
        nodeA = cluster.nodeA;
        nodeB = cluster.nodeB;
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        browsers.forEach(BrowserContext::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    // --- what crosses nodes ---

    @Test
    @Order(1)
    void anOfferForACallCreatedThroughNodeBShowsOnADashboardOnNodeA() throws Exception {
        Page dashboard = dashboardOn("a", "agent2");
        api(nodeB, "PUT", "/agents/agent2/status", "{\"action\":\"READY\",\"queues\":[\"Sales\"]}");
        assertThat(dashboard.locator("#agent-status")).containsText("Ready", within(30));

        long call = createCall(nodeB, "Grace Hopper", "cross-node-offer");

        takeOfferedCall(dashboard, "Grace Hopper");
        assertThat(contactState(nodeB, call)).isEqualTo("WRAP_UP");
        endWrapUp(dashboard);
    }

    @Test
    @Order(2)
    void afterRedisIsBackScreensShowWhatTheyMissedWhileItWasDown() throws Exception {
        Page dashboard = dashboardOn("a", "agent2");
        assertThat(dashboard.locator("#agent-status")).containsText("Ready", within(30));

        cluster.redis.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> health(nodeA).contains("\"redis\":{\"status\":\"DOWN\"}"));
        assertThat(TwoNodes.get(nodeA, "/actuator/health/node").statusCode()).as("the balancer keeps the node").isEqualTo(200);
        long call = createCall(nodeB, "Alan Turing", "during-redis-outage");
        await().atMost(Duration.ofSeconds(30)).until(() -> contactState(nodeB, call).equals("OFFERED"));

        cluster.redis.start();
        // The offer was published while Redis was down: only the reload after the reconnect brings it.
        takeOfferedCall(dashboard, "Alan Turing");
        await().atMost(Duration.ofSeconds(30)).until(() -> health(nodeA).contains("\"redis\":{\"status\":\"UP\"}"));
        endWrapUp(dashboard);
    }

    @Test
    @Order(3)
    void aWebchatCustomerServedByNodeBAndAnAgentOnNodeATalkBothWays() throws Exception {
        Page agent = signedIn("a", "agent6");
        agent.navigate("http://127.0.0.1:" + balancer + "/chats");
        api(nodeB, "PUT", "/agents/agent6/status", "{\"action\":\"READY\",\"queues\":[\"Web Chat\"]}");
        BrowserContext customerBrowser = Browsers.newContext();
        browsers.add(customerBrowser);
        customerBrowser.addCookies(List.of(new Cookie("SBNODE", "b").setDomain("127.0.0.1").setPath("/")));
        Page customer = customerBrowser.newPage();
        customer.navigate("http://127.0.0.1:" + balancer + "/webchat/web-chat");
        customer.locator("#webchat-name input").fill("Ada Lovelace");
        customer.locator("#webchat-first textarea").fill("Do you ship to Canada?");
        customer.locator("#webchat-start").click();

        assertThat(agent.locator("#conversations")).containsText("Ada Lovelace", within(30));
        agent.locator("#conversations .conversation").first().click();
        agent.locator("#chat-accept").click();
        assertThat(agent.locator("#chat-messages")).containsText("Do you ship to Canada?", within(30));
        agent.locator("#chat-message input").fill("Yes, in 3 days.");
        agent.locator("#chat-message input").press("Enter");
        assertThat(customer.locator("#webchat-messages")).containsText("Yes, in 3 days.", within(30));
        customer.locator("#webchat-message input").fill("Great, thanks!");
        customer.locator("#webchat-message input").press("Enter");
        assertThat(agent.locator("#chat-messages")).containsText("Great, thanks!", within(30));

        agent.locator("#chat-resolve").click();
        assertThat(customer.locator("#webchat-status")).containsText("This chat has ended", within(30));
    }

    @Test
    @Order(4)
    void aSupervisorsEndWrapUpOnNodeBChangesTheAgentsPageOnNodeA() throws Exception {
        Page dashboard = dashboardOn("a", "agent2");
        // Wrap-up lasts until someone ends it: the supervisor's End wrap up must not race Sales' wrap-up timer,
        // which a loaded machine loses (the wrap-up then ends by time).
        setSales("wrap_up_seconds = 0");
        Page supervisor = signedIn("b", "supervisor");
        supervisor.navigate("http://127.0.0.1:" + balancer + "/supervision/queue/" + queueId("Sales"));
        assertThat(supervisor.locator("#queue-name")).containsText("Sales", within(30));

        long call = createCall(nodeB, "Hedy Lamarr", "supervised-wrap-up");
        takeOfferedCall(dashboard, "Hedy Lamarr");
        // The agent's wrap-up, begun on node A, shows on the supervisor's drill-down on node B ...
        supervisor.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("End wrap up for Bruno Keller")).click(new com.microsoft.playwright.Locator.ClickOptions().setTimeout(30_000));
        assertThat(supervisor.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("wrap-up is over"))).containsText("Bruno Keller", within(30));

        // ... and the supervisor's End wrap up on node B frees the agent's page on node A.
        assertThat(dashboard.locator("#contact-panel")).containsText("No call right now", within(30));
        try (Connection db = cluster.database(); Statement sql = db.createStatement();
                ResultSet ended = sql.executeQuery("SELECT wrap_up_ended_by FROM contact WHERE id = " + call)) {
            ended.next();
            assertThat(ended.getString(1)).isEqualTo("SUPERVISOR");
        }
    }

    @Test
    @Order(5)
    void anAdminsQueueChangeOnNodeBReachesTheDashboardsOnNodeA() throws Exception {
        Page dashboard = dashboardOn("a", "agent2");
        assertThat(dashboard.locator(".queue-card[data-queue='Support']")).isVisible();
        Page admin = signedIn("b", "admin");
        admin.navigate("http://127.0.0.1:" + balancer + "/admin/queues");
        admin.locator("#edit-queue-" + queueId("Support")).click();
        admin.getByRole(com.microsoft.playwright.options.AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name").setExact(true))
                .fill("Support Desk");
        admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

        assertThat(dashboard.locator(".queue-card[data-queue='Support Desk']"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    /** Changes Sales' settings in the database, as an admin's edit would (the nodes read them on every claim and timer). */
    private static void setSales(String assignments) throws SQLException {
        try (Connection db = cluster.database(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE queue SET " + assignments + " WHERE name = 'Sales'");
        }
    }

    private static long queueId(String name) throws Exception {
        String queues = api(nodeB, "GET", "/queues", null).body();
        Matcher queue = Pattern.compile("\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"").matcher(queues);
        if (!queue.find()) {
            throw new IllegalStateException("No queue " + name + " in " + queues);
        }
        return Long.parseLong(queue.group(1));
    }

    // --- a node dies ---

    /**
     * 300 calls through both nodes' APIs while four agents take them: agent1 and agent2 through node A
     * (their dashboards and desk phones talk to A), agent3 and agent4 through node B. Node A is killed
     * (SIGKILL) after a third of the calls; the calls it would have taken go to B (same Idempotency-Key).
     * Sales gets the shortest offer timeout and a shorter maximum wait, so the limits below stay small.
     */
    @Test
    @Order(10)
    void nodeAKilledDuringALoadOfCallsLosesNothingAndDoublesNothing() throws Exception {
        List<String> agentsOnA = List.of("agent1", "agent2");
        List<String> agentsOnB = List.of("agent3", "agent4");
        Page agent1 = dashboardOn("a", "agent1");
        // A queue's missed-offer pause would race the Disconnected pause this test watches for:
        // only the heartbeat rule may act on the killed node's agents here.
        setSales("missed_offers_before_pause = 100, offer_timeout_seconds = " + OFFER_TIMEOUT.toSeconds()
                + ", max_wait_seconds = " + MAX_WAIT.toSeconds() + ", wrap_up_seconds = " + WRAP_UP.toSeconds());
        Map<String, Long> ids = new ConcurrentHashMap<>();
        for (String agent : Stream.concat(agentsOnA.stream(), agentsOnB.stream()).toList()) {
            int node = agentsOnA.contains(agent) ? nodeA : nodeB;
            assertThat(api(node, "PUT", "/agents/" + agent + "/status", "{\"action\":\"READY\",\"queues\":[\"Sales\"]}")
                    .statusCode()).isEqualTo(200);
            ids.put(agent, agentId(agent));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean aKilled = new AtomicBoolean();
        List<String> twoCallsAtOnce = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        ids.forEach((agent, id) -> threads.add(Thread.ofPlatform().name("desk-phone-" + agent).start(() ->
                new DeskPhone(agent, id, agentsOnA.contains(agent) ? nodeA : nodeB, DISCONNECTED_AFTER.dividedBy(3), Duration.ofMillis(50))
                        .run(cluster, () -> running.get() && !(agentsOnA.contains(agent) && aKilled.get())))));
        threads.add(Thread.ofPlatform().name("two-calls-watch").start(() -> {
            try (Connection db = cluster.database(); Statement sql = db.createStatement()) {
                while (running.get()) {
                    try (ResultSet held = sql.executeQuery("SELECT agent_id, COUNT(*) FROM contact WHERE channel = 'VOICE'"
                            + " AND state IN ('OFFERED', 'CONNECTED', 'WRAP_UP') GROUP BY agent_id HAVING COUNT(*) > 1")) {
                        while (held.next()) {
                            twoCallsAtOnce.add("agent " + held.getLong(1) + " held " + held.getInt(2));
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                twoCallsAtOnce.add("the watch failed: " + e);
            }
        }));

        String run = Long.toString(System.currentTimeMillis());
        List<Long> calls = new ArrayList<>();
        Set<Long> offeredOnAWhenKilled = Set.of();
        long killedAt = 0;
        for (int i = 0; i < 300; i++) {
            if (i == 100) {
                offeredOnAWhenKilled = offeredTo(List.of(ids.get("agent1"), ids.get("agent2")));
                cluster.killNode("a");
                killedAt = System.nanoTime();
                aKilled.set(true);
            }
            String key = "load-" + run + "-" + i;
            long call;
            try {
                call = createCall(!aKilled.get() && i % 2 == 0 ? nodeA : nodeB, "Caller " + i, key);
            } catch (IOException nodeGone) {
                call = createCall(nodeB, "Caller " + i, key);
            }
            calls.add(call);
            if (i % 3 == 0) {
                // This caller gives up at once (the telephony side hangs up), unless an agent was quicker.
                api(nodeB, "POST", "/contacts/" + call + "/hangup", null);
            }
        }

        try (Connection db = cluster.database()) {
            // The killed node's callers hang up their calls that were under way there, as the phone side would.
            // Every call ends by its maximum wait at the latest (an offer that rings out at that moment adds its
            // timeout); one in wrap-up on a dead agent ends with the wrap-up time.
            Duration allEnded = max(MAX_WAIT.plus(OFFER_TIMEOUT), WRAP_UP).plus(SWEEP).plus(BUSY_MACHINE);
            await().atMost(allEnded).pollInterval(Duration.ofSeconds(1))
                    .conditionEvaluationListener(check -> {
                        if (check.getRemainingTimeInMS() <= 2_000) {
                            System.out.println("Calls still open when the wait ends: " + openCallsByStateAndAgent(db, calls));
                        }
                    })
                    .until(() -> {
                        hangUpConnectedOn(db, List.of(ids.get("agent1"), ids.get("agent2")));
                        return openCalls(db, calls) == 0;
                    });
            running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
            assertThat(twoCallsAtOnce).as("no agent ever holds two calls").isEmpty();
            try (Statement sql = db.createStatement();
                    ResultSet outcomes = sql.executeQuery("SELECT c.id, c.state, c.outcome,"
                            + " (SELECT COUNT(*) FROM contact_event e WHERE e.contact_id = c.id AND e.type = 'ACCEPTED')"
                            + " FROM contact c WHERE c.id IN (" + joined(calls) + ")")) {
                int rows = 0;
                while (outcomes.next()) {
                    rows++;
                    assertThat(outcomes.getString(2)).as("contact " + outcomes.getLong(1)).isEqualTo("ENDED");
                    assertThat(outcomes.getString(3)).as("contact " + outcomes.getLong(1) + "'s outcome").isNotNull();
                    assertThat(outcomes.getInt(4)).as("contact " + outcomes.getLong(1) + " accepted at most once").isLessThanOrEqualTo(1);
                }
                assertThat(rows).as("every call created once, none lost").isEqualTo(300);
            }
            for (long offered : offeredOnAWhenKilled) {
                try (Statement sql = db.createStatement(); ResultSet after = sql.executeQuery(
                        "SELECT outcome, agent_id FROM contact WHERE id = " + offered)) {
                    after.next();
                    assertThat(after.getString(1).equals("ABANDONED") || List.of(ids.get("agent3"), ids.get("agent4"))
                            .contains(after.getLong(2))).as("the offer " + offered + " on a killed node's agent went to B's agents").isTrue();
                }
            }
        }

        // The heartbeat rule: silent since the kill at the latest, a dead node's agent is paused by the next offer it
        // lets ring out, or by the next sweep once it is idle (a call it had in wrap-up ends by time).
        Duration disconnected = DISCONNECTED_AFTER.plus(max(OFFER_TIMEOUT, WRAP_UP)).plus(SWEEP).plus(BUSY_MACHINE)
                .minusNanos(System.nanoTime() - killedAt);
        for (String agent : agentsOnA) {
            await().atMost(max(disconnected, SWEEP)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> api(nodeB, "GET", "/agents/" + agent + "/status", null).body().contains("Disconnected"));
        }
        // agent1's browser goes on through the balancer: node A is gone, so it lands on B, signs in again and
        // finds its state as the database holds it.
        Browsers.signIn(agent1, "http://127.0.0.1:" + balancer, "agent1", "switchboard");
        agent1.navigate("http://127.0.0.1:" + balancer + "/dashboard");
        assertThat(agent1.locator("#agent-status")).containsText("Disconnected", within(60));
        assertThat(agent1.context().cookies().stream().filter(c -> c.name.equals("SBNODE")).map(c -> c.value))
                .containsExactly("b");
    }

    private static Set<Long> offeredTo(List<Long> agents) throws SQLException {
        Set<Long> offered = new java.util.HashSet<>();
        try (Connection db = cluster.database(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT id FROM contact WHERE state = 'OFFERED' AND agent_id IN (" + joined(agents) + ")")) {
            while (rows.next()) {
                offered.add(rows.getLong(1));
            }
        }
        return offered;
    }

    private static void hangUpConnectedOn(Connection db, List<Long> agents) throws Exception {
        List<Long> connected = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(
                "SELECT id FROM contact WHERE state = 'CONNECTED' AND agent_id IN (" + joined(agents) + ")")) {
            while (rows.next()) {
                connected.add(rows.getLong(1));
            }
        }
        for (long call : connected) {
            api(nodeB, "POST", "/contacts/" + call + "/hangup", null);
        }
    }

    private static int openCalls(Connection db, List<Long> calls) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet open = sql.executeQuery(
                "SELECT COUNT(*) FROM contact WHERE state <> 'ENDED' AND id IN (" + joined(calls) + ")")) {
            open.next();
            return open.getInt(1);
        }
    }

    /** For the failure message: which states and agents hold the calls that are still open. */
    private static String openCallsByStateAndAgent(Connection db, List<Long> calls) {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("SELECT state, agent_id, COUNT(*) FROM contact"
                + " WHERE state <> 'ENDED' AND id IN (" + joined(calls) + ") GROUP BY state, agent_id")) {
            StringBuilder open = new StringBuilder();
            while (rows.next()) {
                open.append(rows.getString(1)).append(" agent ").append(rows.getString(2)).append(": ").append(rows.getInt(3)).append("; ");
            }
            return open.toString();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long agentId(String username) throws SQLException {
        try (Connection db = cluster.database(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT id FROM app_user WHERE username = '" + username + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String joined(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? "NULL" : String.join(",", ids.stream().map(String::valueOf).toList());
    }

    // --- helpers ---

    private static void endWrapUp(Page dashboard) {
        dashboard.locator("#end-wrap-up").click();
        assertThat(dashboard.locator("#contact-panel")).containsText("No call right now", within(30));
    }

    /** The agent takes the call offered on its dashboard and hangs up: the call is in wrap-up. */
    private static void takeOfferedCall(Page dashboard, String customer) {
        assertThat(dashboard.locator("#offer-title")).containsText("Incoming Call · Sales", within(90));
        dashboard.locator("#accept").click();
        assertThat(dashboard.locator("#call-title")).containsText("On call", within(30));
        dashboard.locator("#end-call").click();
        assertThat(dashboard.locator("#wrap-up-title")).containsText("Wrap-up · " + customer, within(30));
    }

    private static LocatorAssertions.ContainsTextOptions within(int seconds) {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(seconds * 1_000.0);
    }

    /** A browser pinned to a node by HAProxy's cookie, signed in as {@code username}; one per user and node. */
    private static final Map<String, Page> signedIn = new ConcurrentHashMap<>();

    private static Page signedIn(String node, String username) {
        return signedIn.computeIfAbsent(node + "/" + username, key -> {
            BrowserContext context = Browsers.newContext();
            browsers.add(context);
            context.addCookies(List.of(new Cookie("SBNODE", node).setDomain("127.0.0.1").setPath("/")));
            Page page = context.newPage();
            Browsers.signIn(page, "http://127.0.0.1:" + balancer, username, "switchboard");
            return page;
        });
    }

    /** An agent's dashboard on a node: the page {@link #signedIn} holds, on the dashboard. */
    private static Page dashboardOn(String node, String username) {
        Page page = signedIn(node, username);
        if (!page.url().endsWith("/dashboard")) {
            page.navigate("http://127.0.0.1:" + balancer + "/dashboard");
        }
        page.locator("#agent-status").waitFor();
        return page;
    }

    private static long createCall(int node, String customer, String key) throws Exception {
        HttpResponse<String> created = api(node, "POST", "/contacts",
                "{\"queue\":\"Sales\",\"type\":\"INBOUND_CALL\",\"channel\":\"VOICE\",\"customerName\":\"" + customer
                        + "\",\"customerAddress\":\"+1 555 0100\"}", "Idempotency-Key", key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Long.parseLong(field(created.body(), "id"));
    }

    private static String contactState(int node, long contact) throws Exception {
        return field(api(node, "GET", "/contacts/" + contact, null).body(), "state");
    }

    static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String health(int node) throws Exception {
        return TwoNodes.get(node, "/actuator/health").body().replace(" ", "");
    }


}
