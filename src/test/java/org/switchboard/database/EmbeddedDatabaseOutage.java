package org.switchboard.database;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;

/**
 * Takes the test JVM's embedded server down and brings it back, for tests of how the app behaves
 * meanwhile. Tests against an external database (TEST_DATABASE_URL) skip: they cannot stop it.
 */
public final class EmbeddedDatabaseOutage {

    private EmbeddedDatabaseOutage() {
    }

    private static EmbeddedMariaDb server() {
        var server = EmbeddedMariaDb.shared();
        assumeThat(server).as("the tests run on the embedded server").isPresent();
        return server.get();
    }

    /** Stops the server; it stays down until {@link #end}. */
    public static void begin() throws Exception {
        server().stop();
    }

    /** Starts the server again and waits until it answers. */
    public static void end() throws Exception {
        EmbeddedMariaDb server = server();
        server.start();
        awaitAnswers(server);
    }

    /** Kills the server as a crash would ({@code kill -9}) and returns its pid; the app must start it again. */
    public static long crash() {
        ProcessHandle process = server().process().orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        return process.pid();
    }

    /** Whether a server other than the crashed one answers. */
    public static void awaitRestartAfter(long crashedPid, Duration within) {
        EmbeddedMariaDb server = server();
        await().atMost(within).until(() -> server.process().filter(p -> p.pid() != crashedPid).isPresent());
        awaitAnswers(server);
    }

    private static void awaitAnswers(EmbeddedMariaDb server) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> {
                    try (var connection = DriverManager.getConnection(server.url(), "root", "")) {
                        return connection.isValid(1);
                    }
                });
    }
}
