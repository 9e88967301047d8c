package org.switchboard.agent;

import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows about an agent's presence.
 *
 * @param idleSince  end of the last queue contact; the longest idle agent is offered first
 * @param queues     one entry per assigned queue, by name
 * @param pending    a change waiting for the current contact to end, or null
 * @param line       the extension that takes contact-center calls (offers name it), or null when the user has none
 * @param lines      the user's extensions, to pick {@code line} from
 */
public record AgentStatus(long userId, String username, Activity activity, Instant activitySince, Instant idleSince,
        int missedInRow, PendingChange pending, String line, List<String> lines, List<QueueStatus> queues) {

    public boolean loggedInAnywhere() {
        return queues.stream().anyMatch(q -> q.state() != PresenceState.LOGGED_OUT);
    }

    public boolean readyAnywhere() {
        return queues.stream().anyMatch(q -> q.state() == PresenceState.READY);
    }

    /** The global status: Ready if ready anywhere, Paused if logged in but paused everywhere, else Logged out. */
    public PresenceState overall() {
        if (readyAnywhere()) {
            return PresenceState.READY;
        }
        return loggedInAnywhere() ? PresenceState.PAUSED : PresenceState.LOGGED_OUT;
    }
}
