package org.switchboard.agent;

import java.time.Instant;

/** An agent assigned to a queue, as the queue's details show it. */
public record QueueAgent(long userId, String username, String displayName, PresenceState state, String pauseReason,
        Instant stateSince, Activity activity, Instant activitySince) {
}
