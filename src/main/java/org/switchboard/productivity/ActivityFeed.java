package org.switchboard.productivity;

import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;

/**
 * Tells the open productivity screens of this node, after commit, which agent just took a call
 * (accepted one or dialed one: the contact became CONNECTED), on this node or, through the
 * {@link ClusterRelay}, on any other, so today's figures follow live.
 */
@Component
public class ActivityFeed {

    /** An agent took a call, or any agent may have ({@code anyAgent}: this node may have missed other nodes' calls). */
    public record CallTaken(long agentId, boolean anyAgent) {

        public boolean by(Long agent) {
            return anyAgent || agent != null && agent == agentId;
        }
    }

    private final Broadcaster<CallTaken> broadcaster = new Broadcaster<>();
    private final Consumer<CallTaken> publisher;

    ActivityFeed(ClusterRelay relay) {
        publisher = relay.register("activity", CallTaken.class, broadcaster::publish,
                () -> broadcaster.publish(new CallTaken(0, true)));
    }

    public Broadcaster.Registration subscribe(Consumer<CallTaken> callTaken) {
        return broadcaster.subscribe(callTaken);
    }

    @TransactionalEventListener
    void onContactChanged(ContactChanged event) {
        if (event.agentId() != null && event.type().isVoice() && event.state() == ContactState.CONNECTED) {
            publisher.accept(new CallTaken(event.agentId(), false));
        }
    }
}
