package org.switchboard.chat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due replies every {@code outboxInterval} on every node, through {@link ChatOutbox}'s public
 * entry point, as the tests do; a sweep that fails is a warning, and the next one carries on.
 */
@Component
class OutboxSweep {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweep.class);

    private final ChatOutbox outbox;
    private final ChatProperties properties;

    OutboxSweep(ChatOutbox outbox, ChatProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${switchboard.chat.outbox-interval:2s}", initialDelayString = "5s")
    void sweep() {
        if (properties.outboxSweepEnabled()) {
            try {
                outbox.deliverDue();
            } catch (RuntimeException e) {
                log.warn("Delivering the chat outbox failed; the next sweep retries", e);
            }
        }
    }
}
