package org.switchboard;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

/** Browserless view tests of pushed changes: a refresh thread loads and hands its repaint to ui.access. */
public final class PushedChanges {

    private PushedChanges() {
    }

    /**
     * Runs round trips (which apply the pending ui.access tasks) until {@code shown} holds; fails after
     * 5 s. The round trips run on the calling thread, which holds the test's Vaadin session.
     */
    public static void await(Runnable roundTrip, BooleanSupplier shown) {
        Awaitility.await("a pushed change to show").atMost(Duration.ofSeconds(5)).pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    roundTrip.run();
                    return shown.getAsBoolean();
                });
    }
}
