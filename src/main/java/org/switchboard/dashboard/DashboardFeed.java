package org.switchboard.dashboard;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.agent.AgentStatusChanged;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.chat.ChatMessagePosted;
import org.switchboard.common.Broadcaster;
import org.switchboard.contact.ContactChanged;
import org.switchboard.queue.QueueChanged;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserLinesChanged;

/**
 * Hands committed routing changes of this node to the open dashboards, and keeps their agents
 * present: while a dashboard is open, the agent's heartbeat is sent, so it is never paused as
 * "Disconnected". Dashboards coalesce bursts themselves (see {@code ScreenRefreshes}).
 */
@Component
public class DashboardFeed {

    /** Something changed for these agents and queues; {@code publishedAt} is its System.nanoTime(). */
    public record Changed(Set<Long> agentIds, Set<Long> queueIds, long publishedAt) {

        Changed(Set<Long> agentIds, Set<Long> queueIds) {
            this(agentIds, queueIds, System.nanoTime());
        }

        public boolean concerns(long agentId, Set<Long> queues) {
            return agentIds.contains(agentId) || queueIds.stream().anyMatch(queues::contains);
        }

        /** Whether it touches any of these agents or queues. */
        public boolean concernsAny(Set<Long> agents, Set<Long> queues) {
            return agentIds.stream().anyMatch(agents::contains) || queueIds.stream().anyMatch(queues::contains);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    private final Broadcaster<Changed> broadcaster = new Broadcaster<>();
    private final Map<Long, AtomicInteger> openDashboards = new ConcurrentHashMap<>();
    private final AgentStatusService agents;
    private final SharedQueueFigures figures;
    private final Timer changeShown;

    DashboardFeed(AgentStatusService agents, SharedQueueFigures figures, ObjectProvider<MeterRegistry> registry) {
        this.agents = agents;
        this.figures = figures;
        this.changeShown = Timer.builder("switchboard.dashboard.change.shown")
                .description("From a committed change to an open dashboard's repaint of it, pushed to the browser")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** A dashboard has repainted a change published at {@code publishedAt} (System.nanoTime()). */
    public void shown(long publishedAt) {
        changeShown.record(System.nanoTime() - publishedAt, TimeUnit.NANOSECONDS);
    }

    /** How long open dashboards of this node take to repaint a change (Micrometer timer, in the app's meter registry). */
    public Timer changeShownTimer() {
        return changeShown;
    }

    /** For an agent's dashboard: while it is open, the agent's heartbeat is sent. */
    public Broadcaster.Registration subscribe(long agentId, java.util.function.Consumer<Changed> listener) {
        openDashboards.computeIfAbsent(agentId, id -> new AtomicInteger()).incrementAndGet();
        Broadcaster.Registration registration = broadcaster.subscribe(listener);
        return () -> {
            registration.remove();
            openDashboards.computeIfPresent(agentId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        };
    }

    /** For screens that watch queues without being an agent's dashboard: no heartbeat, so nobody counts as present. */
    public Broadcaster.Registration watch(java.util.function.Consumer<Changed> listener) {
        return broadcaster.subscribe(listener);
    }

    public int subscriberCount() {
        return broadcaster.subscriberCount();
    }

    @TransactionalEventListener
    void onContactChanged(ContactChanged event) {
        publish(new Changed(event.agentId() == null ? Set.of() : Set.of(event.agentId()),
                event.queueId() == null ? Set.of() : Set.of(event.queueId())));
    }

    /** A chat message changes its queue's reply figures. */
    @TransactionalEventListener
    void onChatMessage(ChatMessagePosted event) {
        publish(new Changed(Set.of(), Set.of(event.queueId())));
    }

    @TransactionalEventListener
    void onAgentStatusChanged(AgentStatusChanged event) {
        publish(new Changed(Set.of(event.userId()), event.queueIds()));
    }

    /** The agent's line selector follows an admin's edit; no queue's figures change. */
    @TransactionalEventListener
    void onLinesChanged(UserLinesChanged event) {
        publish(new Changed(Set.of(event.userId()), Set.of()));
    }

    /**
     * An admin changed a queue's settings or who works in it: the users it concerns reload their
     * screens (a card comes, goes or is renamed), and every screen showing the queue its figures,
     * which may depend on the settings (the service-level threshold).
     */
    @TransactionalEventListener
    void onQueueChanged(QueueChanged event) {
        publish(new Changed(event.userIds(), Set.of(event.queueId())));
    }

    private void publish(Changed changed) {
        figures.changed(changed.queueIds());
        broadcaster.publish(changed);
    }

    /** The agents with an open dashboard on this node are present; the node says so, not a signed-in user. */
    @Scheduled(fixedDelay = 20_000, initialDelay = 5_000)
    void heartbeat() {
        SystemUser.run(() -> {
            for (Long agentId : openDashboards.keySet()) {
                try {
                    agents.heartbeat(agentId);
                } catch (RuntimeException e) {
                    log.warn("Heartbeat for agent {} failed; without one for 60 s the agent is paused as Disconnected", agentId, e);
                }
            }
        });
    }
}
