package org.switchboard.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.switchboard.database.EmbeddedMariaDb;

/**
 * Two app nodes as separate JVMs on one database, with Redis and HAProxy in front, started by
 * {@code scripts/cluster.sh} exactly as docs/cluster.md tells an operator to. One two-node run serves
 * every check, in order: what must cross nodes first, then a Redis restart, then node A killed.
 * Browsers reach a chosen node through HAProxy by its sticky cookie; the telephony side (the API) talks
 * to a node directly. Waits are on conditions, with generous limits for a busy two-core machine; how
 * fast a change crosses is the benchmark's business (docs/benchmarks.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String KEY = "sb_demo_switchboard_local_key";
    private static final Duration START_LIMIT = Duration.ofMinutes(8);
    private static final Path RUN_DIR = Path.of("target/cluster-it").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestRedis redis;
    private static String dbUrl;
    private static int balancer;
    private static int nodeA;
    private static int nodeB;
    private static final List<BrowserContext> browsers = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        Files.createDirectories(RUN_DIR);
        redis = TestRedis.start(RUN_DIR.resolve("redis"));
        dbUrl = emptyDatabase("cluster_it_" + System.currentTimeMillis());
        balancer = freePort();
        nodeA = freePort();
        nodeB = freePort();
        Process start = cluster("start");
        if (!start.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || start.exitValue() != 0) {
            start.destroyForcibly();
            throw new IllegalStateException("scripts/cluster.sh start failed; see " + RUN_DIR);
        }
    }

    @AfterAll
    static void stopTwoNodes() throws Exception {
        browsers.forEach(BrowserContext::close);
        cluster("stop").waitFor(2, TimeUnit.MINUTES);
        if (redis != null) {
            redis.close();
        }
    }

    /** Runs scripts/cluster.sh with this run's ports, database, Redis and the classes Maven built. */
    private static Process cluster(String command) throws IOException {
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/cluster.sh", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(RUN_DIR.resolve("cluster-sh.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", System.getenv().getOrDefault("TEST_DATABASE_USER", "root"));
        env.put("DB_PASSWORD", System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", ""));
        env.put("REDIS_URL", redis.url());
        env.put("PORT", Integer.toString(balancer));
        env.put("NODE_A_PORT", Integer.toString(nodeA));
        env.put("NODE_B_PORT", Integer.toString(nodeB));
        env.put("RUN_DIR", RUN_DIR.toString());
        env.put("JAVA", ProcessHandle.current().info().command().orElseThrow());
        env.put("SWITCHBOARD_CLASSPATH", classpath);
        env.put("NODE_ARGS", "--switchboard.demo=true --switchboard.demo.history-weeks=0");
        return builder.start();
    }

    // --- what crosses nodes ---

    @Test
    @Order(1)
    void anOfferForACallCreatedThroughNodeBShowsOnADashboardOnNodeA() throws Exception {
        Page dashboard = signedIn("a", "agent2");
        api(nodeB, "PUT", "/agents/agent2/status", "{\"action\":\"READY\",\"queues\":[\"Sales\"]}");
        assertThat(dashboard.locator("#agent-status")).containsText("Ready", within(30));

        long call = createCall(nodeB, "Grace Hopper", "cross-node-offer");

        assertThat(dashboard.locator("#offer-title")).containsText("Incoming Call · Sales", within(30));
        dashboard.locator("#accept").click();
        await().atMost(Duration.ofSeconds(30)).until(() -> contactState(nodeB, call).equals("CONNECTED"));
        dashboard.locator("#end-call").click();
        assertThat(dashboard.locator("#wrap-up-title")).containsText("Wrap-up · Grace Hopper", within(30));
        dashboard.locator("#end-wrap-up").click();
        assertThat(dashboard.locator("#contact-panel")).containsText("No call right now", within(30));
    }

    @Test
    @Order(2)
    void afterRedisIsBackScreensShowWhatTheyMissedWhileItWasDown() throws Exception {
        Page dashboard = signedIn("a", "agent2");
        assertThat(dashboard.locator("#agent-status")).containsText("Ready", within(30));

        redis.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> health(nodeA).contains("\"redis\":{\"status\":\"DOWN\"}"));
        assertThat(get(nodeA, "/actuator/health/node").statusCode()).as("the balancer keeps the node").isEqualTo(200);
        long call = createCall(nodeB, "Alan Turing", "during-redis-outage");
        await().atMost(Duration.ofSeconds(30)).until(() -> contactState(nodeB, call).equals("OFFERED"));

        redis.start();
        // The offer was published while Redis was down: only the reload after the reconnect brings it.
        assertThat(dashboard.locator("#offer-title")).containsText("Incoming Call · Sales", within(90));
        await().atMost(Duration.ofSeconds(30)).until(() -> health(nodeA).contains("\"redis\":{\"status\":\"UP\"}"));
        dashboard.locator("#accept").click();
        dashboard.locator("#end-call").click();
        dashboard.locator("#end-wrap-up").click();
        assertThat(dashboard.locator("#contact-panel")).containsText("No call right now", within(30));
    }

    // --- helpers ---

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
            page.navigate("http://127.0.0.1:" + balancer + "/dashboard");
            page.locator("#agent-status").waitFor();
            return page;
        });
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

    static HttpResponse<String> api(int node, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + "/api/v1" + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(int node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String health(int node) throws Exception {
        return get(node, "/actuator/health").body().replace(" ", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A new database for this run: on the test JVM's embedded MariaDB, or on TEST_DATABASE_URL's server. */
    private static String emptyDatabase(String name) throws SQLException {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external == null || external.isBlank()) {
            return EmbeddedMariaDb.start(Path.of("target/test-mariadb"), 0, true, name);
        }
        try (Connection connection = DriverManager.getConnection(external, System.getenv("TEST_DATABASE_USER"),
                System.getenv("TEST_DATABASE_PASSWORD"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}
