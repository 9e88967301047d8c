package org.switchboard.agent;

import java.util.Set;

/**
 * Published after commit whenever an agent's presence or activity changes.
 *
 * @param queueIds the queues whose cards may show a different picture now
 * @param becameAvailable true when the agent may now take a contact it could not take before
 */
public record AgentStatusChanged(long userId, Set<Long> queueIds, boolean becameAvailable) {
}
