package org.switchboard.voice;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;

/**
 * Hands the signals of web calls and the state changes of calls to the open caller pages and
 * softphones of this node and, through the {@link ClusterRelay}, of every other node: a caller's page
 * and the agent's softphone may be served by different nodes. Subscribers pick their call (the caller
 * page) or their agent (the softphone) and apply it with {@code ui.access}. After a gap in the relay the
 * caller pages reload their call; signals are not kept, so one lost in the gap leaves that call's media to
 * the next offer (a reload of the agent's tab).
 */
@Component
public class VoiceFeed {

    /**
     * @param signal what the other party signalled, or null for a change of the call's state
     * @param state  the call's state after a change, or null for a signal
     */
    public record Update(long contactId, Long agentId, CallSignalled signal, ContactState state) {

        /** Every call may have changed: this node missed other nodes' events for a while. */
        static final Update ANY_CALL = new Update(0, null, null, null);

        public boolean concerns(long call) {
            return contactId == call || contactId == 0 && signal == null && state == null;
        }
    }

    private final Broadcaster<Update> broadcaster = new Broadcaster<>();
    private final Consumer<Update> publisher;

    VoiceFeed(ClusterRelay relay) {
        publisher = relay.register("voice", Update.class, broadcaster::publish, () -> broadcaster.publish(Update.ANY_CALL));
    }

    public Broadcaster.Registration subscribe(Consumer<Update> listener) {
        return broadcaster.subscribe(listener);
    }

    public int subscriberCount() {
        return broadcaster.subscriberCount();
    }

    /** Signals change nothing in the database; they are published inside a read-only transaction or none. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSignal(CallSignalled signal) {
        publisher.accept(new Update(signal.contactId(), signal.agentId(), signal, null));
    }

    @TransactionalEventListener
    void onContact(ContactChanged event) {
        if (event.type().isVoice()) {
            publisher.accept(new Update(event.contactId(), event.agentId(), null, event.state()));
        }
    }
}
