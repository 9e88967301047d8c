package org.switchboard.database;

import java.nio.file.Path;

/**
 * Stands in for an app JVM in {@link EmbeddedMariaDbTest}: starts the embedded server on the data dir
 * given as argument, says so, and runs until it is killed.
 */
final class AppKilledWithItsServer {

    static final String STARTED = "embedded server started";

    private AppKilledWithItsServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMariaDb.start(Path.of(args[0]), 0, true, EmbeddedMariaDbTest.SCHEMA);
        System.out.println(STARTED);
        Thread.sleep(Long.MAX_VALUE);
    }
}
