package org.switchboard.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The production jar leaves the embedded server out (its classes are missing, as here): without a
 * database configured the app stops at start with a message that says what to set.
 */
class NoDatabaseConfiguredTest {

    @Test
    void withoutTheEmbeddedServerAndWithoutADatabaseTheStartFailsAndSaysWhatToSet() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("ch.vorburger"))
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new NoDatabaseConfiguredAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis).as("the start-up failure is explained").isNotNull();
                    assertThat(analysis.getDescription()).startsWith("No database is configured");
                    assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "docs/operations.md");
                });
    }

    @Test
    void aConfiguredDatabaseNeedsNoEmbeddedServer() {
        new ApplicationContextRunner()
                .withClassLoader(new FilteredClassLoader("ch.vorburger"))
                .withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/switchboard")
                .withUserConfiguration(EmbeddedDatabaseConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(javax.sql.DataSource.class));
    }
}
