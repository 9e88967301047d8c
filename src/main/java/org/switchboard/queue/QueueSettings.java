package org.switchboard.queue;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;

/**
 * A queue's name, kind and settings as an admin enters them. The constraints are shown beside the
 * fields and checked again by {@link QueueService}, which also checks what needs the database.
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
public record QueueSettings(
        @NotBlank(message = NAME_RULE) @Size(max = 80, message = NAME_RULE) String name,
        @NotNull(message = "{queue.settings.kind-rule}") QueueKind kind,
        @Range(min = 5, max = 600, message = "{queue.settings.offer-timeout-rule}")
        int offerTimeoutSeconds,
        @Range(min = 0, max = 3600, message = "{queue.settings.wrap-up-rule}") int wrapUpSeconds,
        @Range(min = 0, max = 3600, message = "{queue.settings.wrap-up-extension-rule}")
        int wrapUpExtensionSeconds,
        @Range(min = 10, max = 86_400, message = "{queue.settings.max-wait-rule}")
        int maxWaitSeconds,
        @Range(min = 1, max = 3600, message = "{queue.settings.service-level-rule}")
        int serviceLevelSeconds,
        @Range(min = 1, max = 20, message = "{queue.settings.chat-capacity-rule}") int chatCapacity,
        int priority,
        @Range(min = 1, max = 100, message = "{queue.settings.missed-offers-rule}")
        int missedOffersBeforePause,
        Set<Long> sourceQueueIds) {

    static final String NAME_RULE = "{queue.settings.name-rule}";

    public QueueSettings {
        sourceQueueIds = sourceQueueIds == null ? Set.of() : Set.copyOf(sourceQueueIds);
    }

    /** Sensible starting values for a new queue of the kind. */
    public static QueueSettings defaults(String name, QueueKind kind) {
        return new QueueSettings(name, kind, 20, kind == QueueKind.CHAT ? 0 : 30, 30, 600, 20,
                kind == QueueKind.CHAT ? 3 : 1, 0, 3, Set.of());
    }

    /** The name trimmed: what is checked and stored. */
    QueueSettings normalized() {
        return new QueueSettings(name == null ? null : name.trim(), kind, offerTimeoutSeconds, wrapUpSeconds,
                wrapUpExtensionSeconds, maxWaitSeconds, serviceLevelSeconds, chatCapacity, priority,
                missedOffersBeforePause, sourceQueueIds);
    }
}
