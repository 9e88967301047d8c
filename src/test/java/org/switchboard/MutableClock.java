package org.switchboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A clock tests move by hand, so timers are tested without sleeping. Starts at the real time. */
public class MutableClock extends Clock {

    private volatile Instant now;
    private volatile boolean ticking;
    private final ZoneId zone;

    public MutableClock(Instant start, ZoneId zone) {
        // The database keeps milliseconds; so does this clock, so stored and expected times compare equal.
        this.now = start.truncatedTo(ChronoUnit.MILLIS);
        this.zone = zone;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Follows the wall clock until the next {@link #reset()}; for tests where time must pass by itself. */
    public void tick() {
        ticking = true;
    }

    /** Back to the wall clock's current time, frozen; tests that moved time call this when they finish. */
    public void reset() {
        ticking = false;
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MutableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return ticking ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : now;
    }
}
