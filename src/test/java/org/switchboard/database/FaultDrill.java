package org.switchboard.database;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault drill (issue 15), on the whole app as a separate process with its embedded MariaDB, loopback
 * only. Run: {@code mvn -o -Pbenchmark verify -Dbenchmark=org.switchboard.database.FaultDrill}
 * (port: {@code -Dfault.port=8092}).
 * <p>
 * (a) {@value #CALLS} calls arrive through {@code POST /api/v1/contacts}, {@value #PER_SECOND} a second, each
 * with its own Idempotency-Key; the app is killed with {@code kill -9} after {@value #KILL_AFTER} of them
 * were sent. The app is started again (it must stop the MariaDB server the killed app left behind), every
 * call without a 201 is sent again with its key, then every key once more. Prints the contacts created,
 * lost, duplicated and left inconsistent (counted in the database), and whether every retried key
 * answered the same contact id.
 * <p>
 * (b) The embedded MariaDB server is killed with {@code kill -9} under the running app. Prints what the API
 * answered meanwhile and the time until it creates contacts again.
 * <p>
 * (c) The app runs on an external MariaDB, which is stopped for 20 s and started again. Prints what the API
 * and {@code /actuator/health} answered meanwhile, how long they took, and the time until both serve again.
 * <p>
 * Bounded: {@value #CALLS} calls plus their retries, every HTTP call times out after 10 s, each app start
 * after 5 min; the app it started is stopped when it ends, whatever happens.
 */
public final class FaultDrill {

    static final int CALLS = 300;
    static final int PER_SECOND = 20;
    static final int KILL_AFTER = 150;
    private static final String API_KEY = "sb_demo_switchboard_local_key";
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Pattern DB_PORT = Pattern.compile("Embedded MariaDB started on port (\\d+)");

    private final int port = Integer.getInteger("fault.port", 8092);
    private final Path workDir = Path.of("target/fault-drill").toAbsolutePath();
    private final Path dataDir = workDir.resolve("db");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String run = "drill-" + System.currentTimeMillis();
    private Process app;
    private int starts;
    private String queue;

    private FaultDrill() {
    }

    public static void main(String[] args) throws Exception {
        // The figures only: the app's own log goes to target/fault-drill/app-N.log, and the database of (c) says nothing.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("ch.vorburger")).setLevel(Level.OFF);
        FaultDrill drill = new FaultDrill();
        try {
            drill.appKilledUnderLoad();
            drill.databaseKilledUnderTheApp();
            drill.externalDatabaseDownAndBack();
        } finally {
            drill.stopApp();
        }
        System.exit(0);
    }

    /** What one call got: the contact id of a 201, or nothing (refused, cut off, never answered). */
    private record Answer(int status, Long contactId, boolean replayed, String retryAfter, String contentType) {
    }

    private void appKilledUnderLoad() throws Exception {
        // A server an earlier drill left behind would keep the deleted files open: stop it first.
        Optional<ProcessHandle> earlierDrill = serverOnDataDir();
        earlierDrill.ifPresent(ProcessHandle::destroy);
        earlierDrill.ifPresent(server -> server.onExit().join());
        deleteRecursively(dataDir);
        startApp();
        queue = callQueue();
        System.out.printf("(a) %d calls at %d/s into queue %s, kill -9 of the app after %d%n", CALLS, PER_SECOND, queue, KILL_AFTER);

        Map<Integer, Answer> first = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(CALLS);
        long started = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            long due = started + i * 1_000_000_000L / PER_SECOND;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            if (i == KILL_AFTER) {
                killApp();
                System.out.printf("    app killed (kill -9) at %.1f s%n", (System.nanoTime() - started) / 1e9);
            }
            int call = i;
            Thread.ofVirtual().start(() -> {
                first.put(call, create(call));
                done.countDown();
            });
        }
        done.await();
        long answered = first.values().stream().filter(a -> a.status() == 201).count();
        System.out.printf("    first attempts: %d answered 201, %d not%n", answered, CALLS - answered);

        Optional<ProcessHandle> leftover = serverOnDataDir();
        System.out.printf("    MariaDB server left running by the killed app: %s%n",
                leftover.map(p -> "pid " + p.pid()).orElse("none"));
        long restart = System.nanoTime();
        startApp();
        System.out.printf("    app started again in %.1f s; leftover server %s%n", (System.nanoTime() - restart) / 1e9,
                leftover.map(p -> p.isAlive() ? "STILL RUNNING" : "stopped").orElse("-"));

        Map<Integer, Answer> retried = new HashMap<>();
        int committedButUnanswered = 0;
        for (int i = 0; i < CALLS; i++) {
            if (first.get(i).status() != 201) {
                Answer answer = paced(i);
                retried.put(i, answer);
                if (answer.replayed()) {
                    committedButUnanswered++;
                }
            }
        }
        System.out.printf("    retried %d calls with their keys: %d created now, %d had been created before the kill "
                + "(their answer was lost), %d not 201%n", retried.size(), retried.size() - committedButUnanswered
                - retried.values().stream().filter(a -> a.status() != 201).count(), committedButUnanswered,
                retried.values().stream().filter(a -> a.status() != 201).count());

        Map<Integer, Long> ids = new HashMap<>();
        first.forEach((i, a) -> {
            if (a.status() == 201) {
                ids.put(i, a.contactId());
            }
        });
        retried.forEach((i, a) -> {
            if (a.status() == 201) {
                ids.put(i, a.contactId());
            }
        });
        int sameIds = 0;
        Map<Integer, Integer> otherAnswers = new HashMap<>();
        for (int i = 0; i < CALLS; i++) {
            Answer again = paced(i);
            if (again.status() == 201 && again.replayed() && again.contactId().equals(ids.get(i))) {
                sameIds++;
            } else {
                otherAnswers.merge(again.status(), 1, Integer::sum);
            }
        }
        System.out.printf("    every key sent once more: %d of %d answered the same contact id (Idempotent-Replayed: true); "
                + "other answers by status: %s%n", sameIds, CALLS, otherAnswers);
        count(ids);
    }

    /** Counts in the database what the calls left: one contact per key, each key's row naming it. */
    private void count(Map<Integer, Long> answeredIds) throws SQLException, IOException {
        Map<String, List<Long>> contactsByKey = new HashMap<>();
        Map<String, Long> keyRows = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + databasePort() + "/switchboard",
                "root", ""); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT customer_name, id FROM contact WHERE customer_name LIKE '" + run + "-%'")) {
                while (rows.next()) {
                    contactsByKey.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getLong(2));
                }
            }
            try (ResultSet rows = sql.executeQuery("SELECT idem_key, contact_id FROM idempotency_key WHERE idem_key LIKE '" + run + "-%'")) {
                while (rows.next()) {
                    keyRows.put(rows.getString(1), rows.getObject(2, Long.class));
                }
            }
        }
        int created = 0;
        int lost = 0;
        int duplicated = 0;
        int inconsistent = 0;
        for (int i = 0; i < CALLS; i++) {
            String key = key(i);
            List<Long> contacts = contactsByKey.getOrDefault(key, List.of());
            created += Math.min(1, contacts.size());
            duplicated += Math.max(0, contacts.size() - 1);
            boolean answeredButMissing = answeredIds.containsKey(i) && !contacts.contains(answeredIds.get(i));
            if (contacts.isEmpty() || answeredButMissing) {
                lost++;
            }
            Long keyRow = keyRows.get(key);
            if (!contacts.isEmpty() && (keyRow == null || !contacts.contains(keyRow)) || contacts.isEmpty() && keyRows.containsKey(key)) {
                inconsistent++;
            }
        }
        System.out.printf("    in the database: %d contacts created for %d calls; lost %d, duplicated %d, inconsistent %d%n",
                created, CALLS, lost, duplicated, inconsistent);
    }

    private void databaseKilledUnderTheApp() throws Exception {
        ProcessHandle server = serverOnDataDir().orElseThrow(() -> new IllegalStateException("no embedded server runs"));
        System.out.printf("(b) kill -9 of the embedded MariaDB (pid %d) under the running app%n", server.pid());
        server.destroyForcibly();
        server.onExit().join();
        long killed = System.nanoTime();
        int refused = 0;
        double slowest = 0;
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = CALLS; System.nanoTime() - killed < Duration.ofMinutes(2).toNanos(); i++) {
            long sent = System.nanoTime();
            Answer answer = create(i);
            slowest = Math.max(slowest, (System.nanoTime() - sent) / 1e9);
            if (answer.status() == 201) {
                System.out.printf("    API creates contacts again %.1f s after the kill; meanwhile %d calls refused %s, "
                        + "slowest answer %.1f s%n", (System.nanoTime() - killed) / 1e9, refused, statuses, slowest);
                System.out.printf("    embedded server now pid %s%n", serverOnDataDir().map(p -> Long.toString(p.pid())).orElse("none"));
                return;
            }
            refused++;
            statuses.merge(answer.status(), 1, Integer::sum);
            Thread.sleep(100);
        }
        System.out.printf("    API did NOT serve again within 2 min; %d calls refused %s%n", refused, statuses);
    }

    /**
     * (c) The app on an external database (a MariaDB server this drill runs, as an operator's would be),
     * which is stopped for {@code DOWN} and started again: nobody restarts it for the app.
     */
    private void externalDatabaseDownAndBack() throws Exception {
        stopApp();
        String url = EmbeddedMariaDb.start(workDir.resolve("external-db"), 0, true, "switchboard");
        EmbeddedMariaDb database = EmbeddedMariaDb.shared().orElseThrow();
        startApp(Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "root", "SPRING_DATASOURCE_PASSWORD", "",
                "SWITCHBOARD_DEMO", "true"));
        queue = callQueue();
        Duration down = Duration.ofSeconds(20);
        System.out.printf("(c) the app's external MariaDB stopped for %d s, then started again%n", down.toSeconds());
        database.stop();
        long stopped = System.nanoTime();
        Map<String, Integer> answers = new HashMap<>();
        double slowestCall = 0;
        double slowestHealth = 0;
        for (int i = 2 * CALLS; System.nanoTime() - stopped < down.toNanos(); i++) {
            long sent = System.nanoTime();
            Answer answer = create(i);
            slowestCall = Math.max(slowestCall, (System.nanoTime() - sent) / 1e9);
            sent = System.nanoTime();
            int health = health();
            slowestHealth = Math.max(slowestHealth, (System.nanoTime() - sent) / 1e9);
            answers.merge("API " + answer.status() + (answer.retryAfter() == null ? "" : " Retry-After " + answer.retryAfter())
                    + " " + answer.contentType() + ", health " + health, 1, Integer::sum);
            Thread.sleep(500);
        }
        System.out.printf("    while down: %s; slowest API answer %.1f s, slowest health answer %.1f s%n", answers,
                slowestCall, slowestHealth);
        database.start();
        long started = System.nanoTime();
        for (int i = 3 * CALLS; System.nanoTime() - started < Duration.ofMinutes(2).toNanos(); i++) {
            if (create(i).status() == 201 && health() == 200) {
                System.out.printf("    API creates contacts and health is UP %.1f s after the database was started again "
                        + "(no app restart)%n", (System.nanoTime() - started) / 1e9);
                return;
            }
            Thread.sleep(100);
        }
        System.out.println("    the app did NOT serve again within 2 min of the database's start");
    }

    private int health() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** At the load's rate, so the API key's rate limit (50/s) never answers 429 instead. */
    private Answer paced(int call) throws InterruptedException {
        Thread.sleep(1000 / PER_SECOND);
        return create(call);
    }

    private Answer create(int call) {
        String body = """
                {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerName": "%s", "customerAddress": "+15555550100"}"""
                .formatted(queue, key(call));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/contacts"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", key(call)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 201) {
                return new Answer(response.statusCode(), null, false, retryAfter, contentType);
            }
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
            return new Answer(201, id.find() ? Long.valueOf(id.group(1)) : null,
                    response.headers().firstValue("Idempotent-Replayed").orElse("").equals("true"), retryAfter, contentType);
        } catch (IOException e) {
            return new Answer(0, null, false, null, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, false, null, "");
        }
    }

    private String key(int call) {
        return "%s-%04d".formatted(run, call);
    }

    private String callQueue() throws Exception {
        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/queues"))
                .header("Authorization", "Bearer " + API_KEY).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher callQueue = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"kind\"\\s*:\\s*\"CALL\"").matcher(queues.body());
        if (!callQueue.find()) {
            throw new IllegalStateException("No call queue in " + queues.body());
        }
        return callQueue.group(1);
    }

    /** Starts the app from the classes Maven built (no test classes), as {@code mvn spring-boot:run} would. */
    private void startApp() throws Exception {
        startApp(Map.of());
    }

    private void startApp(Map<String, String> environment) throws Exception {
        Files.createDirectories(workDir);
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", classpath, "org.switchboard.SwitchboardApplication", "--switchboard.demo.history-weeks=0",
                "--server.address=127.0.0.1")
                .redirectErrorStream(true);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        starts++;
        builder.redirectOutput(log().toFile());
        app = builder.start();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("The app ended at start; see " + log());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The app did not start within " + START_LIMIT + "; see " + log());
    }

    private Path log() {
        return workDir.resolve("app-" + starts + ".log");
    }

    private void killApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor();
        }
    }

    /** SIGTERM, as an operator stops the app: it stops its embedded server too. */
    private void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                killApp();
            }
        }
    }

    private int databasePort() throws IOException {
        Matcher port = DB_PORT.matcher(Files.readString(log()));
        if (!port.find()) {
            throw new IllegalStateException("No embedded MariaDB port in " + log());
        }
        return Integer.parseInt(port.group(1));
    }

    private Optional<ProcessHandle> serverOnDataDir() throws IOException {
        Path pidFile = dataDir.resolve(EmbeddedMariaDb.PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
