package org.switchboard.agent;

import java.time.Instant;

/**
 * An agent assigned to a queue, as the queue's details show it.
 *
 * @param state    the agent's state in this queue, since {@code stateSince}
 * @param pending  a pause or logout waiting for the agent's contact to end, or null
 */
public record QueueAgent(long userId, String username, String displayName, PresenceState state, String pauseReason,
        Instant stateSince, Activity activity, Instant activitySince, PendingChange pending) {
}
