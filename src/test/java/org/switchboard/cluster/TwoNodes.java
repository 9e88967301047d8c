package org.switchboard.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.switchboard.database.EmbeddedMariaDb;

/**
 * Two app nodes as separate JVMs behind HAProxy, started by {@code scripts/cluster.sh} exactly as
 * docs/cluster.md tells an operator to, on a new database (on the test JVM's embedded MariaDB, or on
 * TEST_DATABASE_URL's server) and a Redis of their own ({@link TestRedis}), in demo mode. Used by
 * {@code ClusterIT} and {@code ClusterBenchmark}.
 */
final class TwoNodes implements AutoCloseable {

    static final String KEY = "sb_demo_switchboard_local_key";
    private static final Duration START_LIMIT = Duration.ofMinutes(8);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final Path runDir;
    final TestRedis redis;
    final String dbUrl;
    private final String dbName;
    final int balancer;
    final int nodeA;
    final int nodeB;
    private final String nodeArgs;
    private final String javaOptions;

    private TwoNodes(Path runDir, TestRedis redis, String dbName, String javaOptions, String nodeArgs) throws Exception {
        this.runDir = runDir;
        this.redis = redis;
        this.dbName = dbName;
        this.dbUrl = emptyDatabase(dbName);
        this.nodeArgs = nodeArgs;
        this.javaOptions = javaOptions;
        this.balancer = freePort();
        this.nodeA = freePort();
        this.nodeB = freePort();
    }

    /**
     * @param javaOptions the nodes' JVM options (scripts/cluster.sh's JAVA_OPTS)
     * @param nodeArgs    more arguments for both nodes, after demo mode without history
     */
    static TwoNodes start(Path runDir, String javaOptions, String nodeArgs) throws Exception {
        Path dir = runDir.toAbsolutePath();
        Files.createDirectories(dir);
        TestRedis redis = TestRedis.start(dir.resolve("redis"));
        TwoNodes nodes = new TwoNodes(dir, redis, "cluster_" + System.currentTimeMillis(), javaOptions,
                "--switchboard.demo=true --switchboard.demo.history-weeks=0 " + nodeArgs);
        Process start = nodes.script("start");
        if (!start.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS) || start.exitValue() != 0) {
            start.destroyForcibly();
            nodes.close();
            throw new IllegalStateException("scripts/cluster.sh start failed; see " + dir);
        }
        return nodes;
    }

    String balancerUrl() {
        return "http://127.0.0.1:" + balancer;
    }

    /** Runs scripts/cluster.sh with this run's ports, database, Redis and the classes Maven built. */
    private Process script(String command) throws IOException {
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("bash", "scripts/cluster.sh", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("cluster-sh.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", databaseUser());
        env.put("DB_PASSWORD", databasePassword());
        env.put("REDIS_URL", redis.url());
        env.put("PORT", Integer.toString(balancer));
        env.put("NODE_A_PORT", Integer.toString(nodeA));
        env.put("NODE_B_PORT", Integer.toString(nodeB));
        env.put("RUN_DIR", runDir.toString());
        env.put("JAVA", ProcessHandle.current().info().command().orElseThrow());
        env.put("SWITCHBOARD_CLASSPATH", classpath);
        env.put("NODE_ARGS", nodeArgs);
        env.put("JAVA_OPTS", javaOptions);
        return builder.start();
    }

    /** SIGKILL to node {@code name} ("a" or "b"): no shutdown hook, no graceful stop. */
    void killNode(String name) throws IOException {
        long pid = Long.parseLong(Files.readString(runDir.resolve("node-" + name + ".pid")).trim());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
        node.destroyForcibly();
        node.onExit().join();
    }

    /** A connection to the nodes' database, auto-committing. */
    Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection(dbUrl, databaseUser(), databasePassword());
        connection.setAutoCommit(true);
        return connection;
    }

    /** Stops the nodes, HAProxy and Redis; on TEST_DATABASE_URL's server it drops the run's database too (CI's server outlives the run). */
    @Override
    public void close() throws Exception {
        script("stop").waitFor(2, TimeUnit.MINUTES);
        redis.close();
        String external = System.getenv("TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            try (Connection connection = DriverManager.getConnection(external, databaseUser(), databasePassword());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + dbName);
            }
        }
    }

    /**
     * One API call to a node, as an integration client makes it: over the per-key, per-node rate limit
     * (429) it waits the Retry-After the node names and tries again; a connection that fails (a node too
     * busy to accept it on this two-core machine, or gone) is tried twice more before the caller hears of it.
     */
    static HttpResponse<String> api(int node, String method, String path, String body, String... headers) throws Exception {
        int failedConnections = 0;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = send(node, method, path, body, headers);
            } catch (IOException failed) {
                if (++failedConnections == 3) {
                    throw failed;
                }
                Thread.sleep(1_000);
                continue;
            }
            if (response.statusCode() != 429 || attempt == 20) {
                return response;
            }
            Thread.sleep(1_000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
        }
    }

    private static HttpResponse<String> send(int node, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + "/api/v1" + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET outside the API (health, metrics), with the API key. */
    static HttpResponse<String> get(int node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + path)).header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String databaseUser() {
        return System.getenv().getOrDefault("TEST_DATABASE_USER", "root");
    }

    private static String databasePassword() {
        return System.getenv().getOrDefault("TEST_DATABASE_PASSWORD", "");
    }

    private static String emptyDatabase(String name) throws SQLException {
        String external = System.getenv("TEST_DATABASE_URL");
        if (external == null || external.isBlank()) {
            return EmbeddedMariaDb.start(Path.of("target/test-mariadb"), 0, true, name);
        }
        try (Connection connection = DriverManager.getConnection(external, databaseUser(), databasePassword());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return external.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }
}
