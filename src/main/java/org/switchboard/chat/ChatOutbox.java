package org.switchboard.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.ChannelSender.OutgoingMessage;
import org.switchboard.chat.data.OutboxStore;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.Channel;

/**
 * Delivers queued replies to their channel's sender. Every node sweeps; a claimed entry is locked
 * (SKIP LOCKED), so each reply is handed over once. A failure is retried after
 * {@code outboxFirstRetry}, doubling each time, until {@code outboxMaxAttempts}, then it is FAILED
 * and the agent sees it in the thread.
 */
@Service
public class ChatOutbox {

    private static final Logger log = LoggerFactory.getLogger(ChatOutbox.class);
    private static final int BATCH = 50;

    private final OutboxStore outbox;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final ApplicationEventPublisher events;
    private final ChatProperties properties;
    private final Clock clock;

    ChatOutbox(OutboxStore outbox, List<ChannelSender> providers, ApplicationEventPublisher events, ChatProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        for (Channel channel : List.of(Channel.SMS, Channel.FACEBOOK, Channel.INSTAGRAM)) {
            senders.put(channel, new RecordedDelivery(channel));
        }
        providers.forEach(sender -> senders.put(sender.channel(), sender));
    }

    @Scheduled(fixedDelayString = "${switchboard.chat.outbox-interval:2s}", initialDelayString = "5s")
    void sweep() {
        if (properties.outboxSweepEnabled()) {
            deliverDue();
        }
    }

    /** Hands every due reply to its sender; returns how many were attempted. */
    @Unrestricted("its scheduler, without a user: it sends replies agents already wrote")
    @Transactional
    public int deliverDue() {
        Instant now = clock.instant();
        List<OutboxStore.Due> due = outbox.lockDue(now, BATCH);
        for (OutboxStore.Due entry : due) {
            OutgoingMessage message = entry.message();
            Delivery delivery;
            try {
                senders.get(message.channel()).send(message);
                outbox.sent(entry.id(), now);
                delivery = Delivery.SENT;
            } catch (Exception e) {
                int attempts = entry.attempts() + 1;
                Instant retryAt = attempts >= properties.outboxMaxAttempts() ? null
                        : now.plus(properties.outboxFirstRetry().multipliedBy(1L << (attempts - 1)));
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                outbox.failed(entry.id(), error.length() > 500 ? error.substring(0, 500) : error, retryAt);
                log.warn("Reply {} to {} failed (attempt {}): {}", message.messageId(), message.channel(), attempts, error);
                delivery = retryAt == null ? Delivery.FAILED : Delivery.QUEUED;
            }
            events.publishEvent(new ReplyDeliveryChanged(message.contactId(), entry.agentId(), message.messageId(), delivery));
        }
        return due.size();
    }

    /** The built-in sender of a channel: records the reply as sent; a provider's client replaces it. */
    private record RecordedDelivery(Channel channel) implements ChannelSender {

        @Override
        public void send(OutgoingMessage message) {
            log.info("{} reply {} to {} recorded as sent ({} characters)", channel, message.messageId(), message.recipient(),
                    message.body().length());
        }
    }
}
