package org.switchboard.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.contact.ContactTimers;
import org.switchboard.security.SystemUser;

/**
 * The periodic sweep on every node: applies due contact timers, pauses agents whose dashboards went
 * away, then dispatches. Safe to run on several nodes at once (rows are claimed with SKIP LOCKED).
 */
@Component
public class Sweeper {

    private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

    private final ContactTimers timers;
    private final AgentStatusService agents;
    private final DispatchService dispatcher;
    private final DispatchProperties properties;

    Sweeper(ContactTimers timers, AgentStatusService agents, DispatchService dispatcher, DispatchProperties properties) {
        this.timers = timers;
        this.agents = agents;
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${switchboard.dispatch.sweep-interval:1s}", initialDelayString = "5s")
    void scheduled() {
        if (properties.sweepEnabled()) {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.warn("Sweep failed; it runs again shortly", e);
            }
        }
    }

    /** One full sweep; tests call it after moving the clock. */
    public void sweep() {
        SystemUser.run(() -> {
            timers.expireOffers();
            timers.timeOutWaiting();
            timers.connectRinging();
            timers.hangUpScheduled();
            timers.endWrapUpsByTime();
            agents.pauseDisconnected();
        });
        dispatcher.dispatch();
    }
}
