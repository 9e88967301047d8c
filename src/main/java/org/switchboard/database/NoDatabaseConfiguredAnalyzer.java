package org.switchboard.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a start without a database into the start-up log's short "what happened, what to do" block. */
class NoDatabaseConfiguredAnalyzer extends AbstractFailureAnalyzer<NoDatabaseConfigured> {

    static final String ACTION = """
            Point the app at a MariaDB 10.11 or newer, for example:
                SPRING_DATASOURCE_URL=jdbc:mariadb://localhost:3306/switchboard
                SPRING_DATASOURCE_USERNAME=switchboard SPRING_DATASOURCE_PASSWORD=...
            (docs/operations.md, "Database"). The embedded server is in the jar that `mvn package` builds
            without -Pproduction, and in `mvn spring-boot:run`.""";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfigured cause) {
        return new FailureAnalysis(cause.getMessage() + ".", ACTION, cause);
    }
}
