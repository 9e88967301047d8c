package org.switchboard.metrics;

import java.time.LocalTime;

/**
 * Today's contacts of a queue that arrived in one hour (server zone), by how they ended so far;
 * {@code open} are still waiting or with an agent.
 */
public record HourlyContacts(LocalTime hour, int handled, int abandoned, int timedOut, int incomplete, int missed, int open) {

    public int total() {
        return handled + abandoned + timedOut + incomplete + missed + open;
    }
}
