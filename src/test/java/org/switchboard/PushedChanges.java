package org.switchboard;

import java.util.function.BooleanSupplier;

/** Browserless view tests of pushed changes: a refresh thread loads and hands its repaint to ui.access. */
public final class PushedChanges {

    private PushedChanges() {
    }

    /** Runs round trips (which apply the pending ui.access tasks) until {@code shown} holds, at most 5 s. */
    public static void await(Runnable roundTrip, BooleanSupplier shown) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!shown.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            roundTrip.run();
        }
    }
}
