package org.switchboard.chat;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;

/**
 * Hands committed chat changes of this node to the open chat screens, pop-ups and webchat pages.
 * Subscribers pick what concerns them (their agent, or their chat) and apply it with {@code ui.access}.
 */
@Component
public class ChatFeed {

    public enum Kind {
        /** a customer wrote */
        MESSAGE_IN,
        /** an agent replied, or a reply's delivery changed */
        MESSAGE_OUT,
        /** the chat was offered, accepted, resolved or left */
        STATE
    }

    /**
     * @param agentId the agent holding the chat, or null while it waits
     * @param state   the chat's state, for STATE updates
     */
    public record Update(long contactId, Long agentId, Long queueId, Kind kind, ContactState state, String customer,
            String preview) {
    }

    private final Broadcaster<Update> broadcaster = new Broadcaster<>();

    public Broadcaster.Registration subscribe(Consumer<Update> listener) {
        return broadcaster.subscribe(listener);
    }

    public int subscriberCount() {
        return broadcaster.subscriberCount();
    }

    @TransactionalEventListener
    void onMessage(ChatMessagePosted event) {
        broadcaster.publish(new Update(event.contactId(), event.agentId(), event.queueId(),
                event.direction() == Direction.IN ? Kind.MESSAGE_IN : Kind.MESSAGE_OUT, null, event.customer(), event.preview()));
    }

    @TransactionalEventListener
    void onDelivery(ReplyDeliveryChanged event) {
        broadcaster.publish(new Update(event.contactId(), event.agentId(), null, Kind.MESSAGE_OUT, null, null, null));
    }

    @TransactionalEventListener
    void onContact(ContactChanged event) {
        if (event.type() == ContactType.CHAT) {
            broadcaster.publish(new Update(event.contactId(), event.agentId(), event.queueId(), Kind.STATE, event.state(), null, null));
        }
    }
}
