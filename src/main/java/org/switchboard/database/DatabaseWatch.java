package org.switchboard.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.switchboard.common.Broadcaster;

/**
 * Checks every few seconds that the database answers, and tells the open screens when it stops or
 * starts answering again, so they show why nothing works instead of hanging. Works for the embedded
 * server and an external one alike.
 */
@Component
public class DatabaseWatch {

    /** The database stopped answering ({@code reachable} false) or answers again. */
    public record DatabaseReachabilityChanged(boolean reachable) {
    }

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    private final Broadcaster<DatabaseReachabilityChanged> changes = new Broadcaster<>();
    private volatile boolean reachable = true;

    DatabaseWatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() {
        return reachable;
    }

    public Broadcaster.Registration subscribe(Consumer<DatabaseReachabilityChanged> subscriber) {
        return changes.subscribe(subscriber);
    }

    /** One check; a failed one waits at most the pool's connection timeout. */
    @Scheduled(fixedDelayString = "${switchboard.database.watch-interval:2s}", initialDelayString = "5s")
    public void check() {
        boolean now = answers();
        if (now != reachable) {
            reachable = now;
            if (now) {
                log.info("The database answers again");
            } else {
                log.error("The database does not answer; screens show it until it is back");
            }
            changes.publish(new DatabaseReachabilityChanged(now));
        }
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
