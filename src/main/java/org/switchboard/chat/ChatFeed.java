package org.switchboard.chat;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;

/**
 * Hands committed chat changes of this node and, through the {@link ClusterRelay}, of every other node to
 * the open chat screens, pop-ups and webchat pages of this node.
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
        STATE,
        /** this node may have missed other nodes' changes: every chat screen reloads */
        EVERYTHING
    }

    /**
     * @param agentId the agent holding the chat, or null while it waits
     * @param state   the chat's state, for STATE updates
     */
    public record Update(long contactId, Long agentId, Long queueId, Kind kind, ContactState state, String customer,
            String preview) {

        static final Update ANY = new Update(0, null, null, Kind.EVERYTHING, null, null, null);

        /** Whether the chats held by this agent may have changed. */
        public boolean concernsAgent(long agent) {
            return kind == Kind.EVERYTHING || agentId != null && agentId == agent;
        }

        /** Whether this chat may have changed. */
        public boolean concernsChat(long chat) {
            return kind == Kind.EVERYTHING || contactId == chat;
        }
    }

    private final Broadcaster<Update> broadcaster = new Broadcaster<>();
    private final Consumer<Update> publisher;

    ChatFeed(ClusterRelay relay) {
        publisher = relay.register("chat", Update.class, broadcaster::publish, () -> broadcaster.publish(Update.ANY));
    }

    public Broadcaster.Registration subscribe(Consumer<Update> listener) {
        return broadcaster.subscribe(listener);
    }

    public int subscriberCount() {
        return broadcaster.subscriberCount();
    }

    @TransactionalEventListener
    void onMessage(ChatMessagePosted event) {
        publisher.accept(new Update(event.contactId(), event.agentId(), event.queueId(),
                event.direction() == Direction.IN ? Kind.MESSAGE_IN : Kind.MESSAGE_OUT, null, event.customer(), event.preview()));
    }

    @TransactionalEventListener
    void onDelivery(ReplyDeliveryChanged event) {
        publisher.accept(new Update(event.contactId(), event.agentId(), null, Kind.MESSAGE_OUT, null, null, null));
    }

    @TransactionalEventListener
    void onContact(ContactChanged event) {
        if (event.type() == ContactType.CHAT) {
            publisher.accept(new Update(event.contactId(), event.agentId(), event.queueId(), Kind.STATE, event.state(), null, null));
        }
    }
}
