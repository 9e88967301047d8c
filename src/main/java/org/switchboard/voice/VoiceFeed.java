package org.switchboard.voice;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;

/**
 * Hands the signals of web calls and the state changes of calls to the open caller pages and
 * softphones of this node. Subscribers pick their call (the caller page) or their agent (the
 * softphone) and apply it with {@code ui.access}.
 */
@Component
public class VoiceFeed {

    /**
     * @param signal what the other party signalled, or null for a change of the call's state
     * @param state  the call's state after a change, or null for a signal
     */
    public record Update(long contactId, Long agentId, CallSignalled signal, ContactState state) {
    }

    private final Broadcaster<Update> broadcaster = new Broadcaster<>();

    public Broadcaster.Registration subscribe(Consumer<Update> listener) {
        return broadcaster.subscribe(listener);
    }

    public int subscriberCount() {
        return broadcaster.subscriberCount();
    }

    /** Signals change nothing in the database; they are published inside a read-only transaction or none. */
    @TransactionalEventListener(fallbackExecution = true)
    void onSignal(CallSignalled signal) {
        broadcaster.publish(new Update(signal.contactId(), signal.agentId(), signal, null));
    }

    @TransactionalEventListener
    void onContact(ContactChanged event) {
        if (event.type().isVoice()) {
            broadcaster.publish(new Update(event.contactId(), event.agentId(), null, event.state()));
        }
    }
}
