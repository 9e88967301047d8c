package org.switchboard.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.switchboard.agent.AgentProperties;
import org.switchboard.agent.AgentStatusChanged;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.chat.ChatMessagePosted;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ClusterRelay;
import org.switchboard.contact.ContactChanged;
import org.switchboard.queue.QueueChanged;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserLinesChanged;

/**
 * Hands committed routing changes of this node and, through the {@link ClusterRelay}, of every other
 * node to the open dashboards of this node, and keeps their agents
 * present: while a dashboard is open, the agent's heartbeat is sent, so it is never paused as
 * "Disconnected". Dashboards coalesce bursts themselves (see {@code ScreenRefreshes}).
 */
@Component
public class DashboardFeed implements SchedulingConfigurer {

    /**
     * Something changed for these agents and queues, or for all of them ({@code everything}: this node may
     * have missed other nodes' changes). {@code publishedAt} is when it was published, in epoch microseconds,
     * so a change published on one node and shown on another is timed too (same machine or synchronized clocks).
     */
    public record Changed(Set<Long> agentIds, Set<Long> queueIds, boolean everything, long publishedAt) {

        Changed(Set<Long> agentIds, Set<Long> queueIds) {
            this(agentIds, queueIds, false, nowMicros());
        }

        static Changed ofEverything() {
            return new Changed(Set.of(), Set.of(), true, nowMicros());
        }

        /** Whether this agent's own state may have changed. */
        public boolean about(long agentId) {
            return everything || agentIds.contains(agentId);
        }

        public boolean concerns(long agentId, Set<Long> queues) {
            return about(agentId) || queueIds.stream().anyMatch(queues::contains);
        }

        /** Whether it touches any of these agents or queues. */
        public boolean concernsAny(Set<Long> agents, Set<Long> queues) {
            return everything || agentIds.stream().anyMatch(agents::contains) || queueIds.stream().anyMatch(queues::contains);
        }

        /** Whether it touches any queue at all. */
        public boolean concernsQueues() {
            return everything || !queueIds.isEmpty();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DashboardFeed.class);

    private final Broadcaster<Changed> broadcaster = new Broadcaster<>();
    private final Map<Long, AtomicInteger> openDashboards = new ConcurrentHashMap<>();
    private final AgentStatusService agents;
    private final SharedQueueFigures figures;
    private final Timer changeShown;
    private final Duration heartbeatInterval;

    private final Consumer<Changed> publisher;

    DashboardFeed(AgentStatusService agents, SharedQueueFigures figures, ObjectProvider<MeterRegistry> registry,
            ClusterRelay relay, AgentProperties agentProperties) {
        this.agents = agents;
        this.heartbeatInterval = agentProperties.heartbeatInterval();
        this.figures = figures;
        this.publisher = relay.register("dashboard", Changed.class, this::deliver, () -> deliver(Changed.ofEverything()));
        this.changeShown = Timer.builder("switchboard.dashboard.change.shown")
                .description("From a committed change to an open dashboard's repaint of it, pushed to the browser")
                .publishPercentiles(0.5, 0.9, 0.99)
                .register(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** A dashboard has repainted a change published at {@code publishedAt} (epoch microseconds, see {@link Changed}). */
    public void shown(long publishedAt) {
        changeShown.record(Math.max(0, nowMicros() - publishedAt), TimeUnit.MICROSECONDS);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1_000;
    }

    /** How long open dashboards of this node take to repaint a change (Micrometer timer, in the app's meter registry). */
    public Timer changeShownTimer() {
        return changeShown;
    }

    /** For an agent's dashboard: while it is open, the agent's heartbeat is sent. */
    public Broadcaster.Registration subscribe(long agentId, Consumer<Changed> listener) {
        openDashboards.computeIfAbsent(agentId, id -> new AtomicInteger()).incrementAndGet();
        Broadcaster.Registration registration = broadcaster.subscribe(listener);
        return () -> {
            registration.remove();
            openDashboards.computeIfPresent(agentId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
        };
    }

    /** For screens that watch queues without being an agent's dashboard: no heartbeat, so nobody counts as present. */
    public Broadcaster.Registration watch(Consumer<Changed> listener) {
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

    /** To this node's dashboards and, through the cluster relay, to every other node's. */
    private void publish(Changed changed) {
        publisher.accept(changed);
    }

    /** A change of this node or of another: the shared figures go stale before any dashboard hears of it. */
    private void deliver(Changed changed) {
        if (changed.everything()) {
            figures.changedAll();
        } else {
            figures.changed(changed.queueIds());
        }
        broadcaster.publish(changed);
    }

    /** Sends the heartbeat three times within the silence after which an agent counts as Disconnected. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::heartbeat, heartbeatInterval, heartbeatInterval.dividedBy(4)));
    }

    /** The agents with an open dashboard on this node are present; the node says so, not a signed-in user. */
    void heartbeat() {
        SystemUser.run(() -> {
            for (Long agentId : openDashboards.keySet()) {
                try {
                    agents.heartbeat(agentId);
                } catch (RuntimeException e) {
                    log.warn("Heartbeat for agent {} failed; without one for {} s the agent is paused as Disconnected", agentId,
                            heartbeatInterval.multipliedBy(3).toSeconds(), e);
                }
            }
        });
    }
}
