package org.switchboard.productivity;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.common.Broadcaster;
import org.switchboard.contact.ContactChanged;
import org.switchboard.contact.ContactState;

/**
 * Tells the open productivity screens of this node, after commit, which agent just took a call
 * (accepted one or dialed one: the contact became CONNECTED), so today's figures follow live.
 * Screens load their figures on this feed's own thread, never on the committing one.
 */
@Component
public class ActivityFeed {

    private static final Logger log = LoggerFactory.getLogger(ActivityFeed.class);

    private final Broadcaster<Long> broadcaster = new Broadcaster<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "activity-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code agentTookACall} gets the agent's id. */
    public Broadcaster.Registration subscribe(Consumer<Long> agentTookACall) {
        return broadcaster.subscribe(agentTookACall);
    }

    /** Runs {@code work} (a screen's load) on the feed's thread. */
    public void load(Runnable work) {
        loader.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.debug("Activity refresh failed", e);
            }
        });
    }

    @TransactionalEventListener
    void onContactChanged(ContactChanged event) {
        if (event.agentId() != null && event.type().isVoice() && event.state() == ContactState.CONNECTED) {
            broadcaster.publish(event.agentId());
        }
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }
}
