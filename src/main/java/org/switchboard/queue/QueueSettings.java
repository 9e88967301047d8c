package org.switchboard.queue;

import java.util.Set;

/**
 * A queue's name, kind and settings as an admin enters them.
 *
 * @param offerTimeoutSeconds       how long an offer rings before it returns to the queue
 * @param wrapUpSeconds             wrap-up after a contact; 0 means until the agent ends it
 * @param wrapUpExtensionSeconds    how much an agent may extend wrap-up, once
 * @param maxWaitSeconds            a contact waiting longer than this times out
 * @param serviceLevelSeconds       answered within this counts toward the service level
 * @param chatCapacity              chats one agent holds at once (chat queues)
 * @param priority                  higher first when an agent's queues all have contacts waiting
 * @param missedOffersBeforePause   missed offers in a row that pause an agent
 * @param sourceQueueIds            call queues whose abandoned calls feed this campaign
 */
public record QueueSettings(String name, QueueKind kind, int offerTimeoutSeconds, int wrapUpSeconds,
        int wrapUpExtensionSeconds, int maxWaitSeconds, int serviceLevelSeconds, int chatCapacity, int priority,
        int missedOffersBeforePause, Set<Long> sourceQueueIds) {

    /** Sensible starting values for a new queue of the kind. */
    public static QueueSettings defaults(String name, QueueKind kind) {
        return new QueueSettings(name, kind, 20, kind == QueueKind.CHAT ? 0 : 30, 30, 600, 20,
                kind == QueueKind.CHAT ? 3 : 1, 0, 3, Set.of());
    }
}
