package org.switchboard.productivity;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;

/**
 * Tells the open productivity screens of this node, after commit, which agent just took a call
 * (accepted one or dialed one: the contact became CONNECTED), so today's figures follow live.
 */
@Component
public class ActivityFeed {

    private final Broadcaster<Long> broadcaster = new Broadcaster<>();

    /** {@code agentTookACall} gets the agent's id. */
    public Broadcaster.Registration subscribe(Consumer<Long> agentTookACall) {
        return broadcaster.subscribe(agentTookACall);
    }

    @TransactionalEventListener
    void onContactChanged(ContactChanged event) {
        if (event.agentId() != null && event.type().isVoice() && event.state() == ContactState.CONNECTED) {
            broadcaster.publish(event.agentId());
        }
    }
}
