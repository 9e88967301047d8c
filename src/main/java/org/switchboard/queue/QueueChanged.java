package org.switchboard.queue;

import java.util.Set;

/**
 * Published after commit when a queue, its settings or its assignments change.
 *
 * @param userIds the agents and supervisors assigned to it before or after the change: the users
 *                whose screens show the queue differently now (a new card, a lost one, a new name)
 */
public record QueueChanged(long queueId, Set<Long> userIds) {
}
