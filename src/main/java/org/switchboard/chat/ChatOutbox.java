package org.switchboard.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.chat.ChannelSender.OutgoingMessage;
import org.switchboard.chat.data.OutboxStore;
import org.switchboard.common.TransactionRetry;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ChatContacts;

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
    private final ChatContacts contacts;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final ApplicationEventPublisher events;
    private final ChatProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionRetry retry;

    ChatOutbox(OutboxStore outbox, ChatContacts contacts, List<ChannelSender> providers, ApplicationEventPublisher events, ChatProperties properties,
            Clock clock, PlatformTransactionManager transactions, TransactionRetry retry) {
        this.outbox = outbox;
        this.contacts = contacts;
        this.transaction = new TransactionTemplate(transactions);
        this.retry = retry;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        for (Channel channel : List.of(Channel.SMS, Channel.FACEBOOK, Channel.INSTAGRAM)) {
            senders.put(channel, new RecordedDelivery(channel));
        }
        providers.forEach(sender -> senders.put(sender.channel(), sender));
    }

    /**
     * Hands every due reply to its sender, each in a transaction of its own: a SENT mark that fails to
     * commit sends that one reply again (under the same delivery id), never the others. Returns how
     * many were attempted.
     */
    @Unrestricted("its scheduler, without a user: it sends replies agents already wrote")
    public int deliverDue() {
        Instant now = clock.instant();
        int attempted = 0;
        while (attempted < BATCH && Boolean.TRUE.equals(
                retry.run("ChatOutbox.deliverNext", () -> transaction.execute(status -> deliverNext(now))))) {
            attempted++;
        }
        return attempted;
    }

    /** Locks the next reply due at {@code now} and hands it over; false when none is due. */
    private boolean deliverNext(Instant now) {
        List<OutboxStore.Due> due = outbox.lockDue(now, 1);
        if (due.isEmpty()) {
            return false;
        }
        OutboxStore.Due entry = due.getFirst();
        OutgoingMessage message = entry.message();
        Delivery delivery;
        try {
            senders.get(message.channel()).send(message);
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
        if (delivery == Delivery.SENT) {
            // Outside the try: a failure to record the delivery is no failed delivery to retry.
            outbox.sent(entry.id(), now);
        }
        // The agent holding the chat now is told, as the contact module knows it.
        Long agentId = contacts.agentsOf(List.of(message.contactId())).get(message.contactId());
        events.publishEvent(new ReplyDeliveryChanged(message.contactId(), agentId, message.messageId(), delivery));
        return true;
    }

    /** The built-in sender of a channel: records the reply as sent; a provider's client replaces it. */
    private record RecordedDelivery(Channel channel) implements ChannelSender {

        @Override
        public void send(OutgoingMessage message) {
            log.info("{} reply {} (delivery {}) to {} recorded as sent ({} characters)", channel, message.messageId(),
                    message.deliveryId(), message.recipient(), message.body().length());
        }
    }
}
