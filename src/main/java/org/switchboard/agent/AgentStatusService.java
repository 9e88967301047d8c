package org.switchboard.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.data.PresenceRepository;
import org.switchboard.agent.data.PresenceRepository.PresenceRow;
import org.switchboard.agent.data.PresenceRepository.QueueStateRow;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueDirectory;
import org.switchboard.queue.QueueService;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserNames.UserName;
import org.switchboard.security.UserService;

/**
 * An agent's presence: joining queues, Ready / pause / logout per queue or everywhere at once,
 * the phone line, and signs of life. A pause or logout asked for while the agent has a call is
 * kept as pending and applied when the call and its wrap-up end.
 */
@Service
@EnableConfigurationProperties(AgentProperties.class)
public class AgentStatusService {

    private static final String FOR_AGENT = "@agentAccess.canActFor(#userId)";

    private final PresenceRepository presence;
    private final PauseReasonService reasons;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserService users;
    private final UserNames names;
    private final QueueService queueService;
    private final QueueDirectory queueDirectory;
    private final Duration silenceBeforeDisconnected;

    AgentStatusService(PresenceRepository presence, PauseReasonService reasons, ApplicationEventPublisher events,
            Clock clock, UserService users, UserNames names, QueueService queues, QueueDirectory queueDirectory,
            AgentProperties properties) {
        this.users = users;
        this.names = names;
        this.queueService = queues;
        this.queueDirectory = queueDirectory;
        this.silenceBeforeDisconnected = properties.disconnectedAfter();
        this.presence = presence;
        this.reasons = reasons;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public AgentStatus status(long userId) {
        return read(userId);
    }

    /** The line that rings the agent's calls, or null when the user has no lines; for the telephony side. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public String lineOf(long userId) {
        return ringingLine(presence.find(userId).map(PresenceRow::line).orElse(null), users.linesOf(userId));
    }

    /** The agents of a queue and their states, for its details. */
    @PreAuthorize("@queueAccess.isMember(#queueId)")
    @Transactional(readOnly = true)
    public List<QueueAgent> agentsIn(long queueId) {
        List<Long> assigned = queueService.usersOf(queueId, AssignmentRole.AGENT);
        if (assigned.isEmpty()) {
            return List.of();
        }
        Map<Long, UserName> known = names.of(assigned);
        Map<Long, QueueStateRow> states = presence.statesIn(queueId, assigned);
        Map<Long, PresenceRow> rows = presence.findAll(assigned).stream()
                .collect(Collectors.toMap(PresenceRow::userId, Function.identity()));
        return assigned.stream().map(known::get).filter(user -> user != null && user.enabled())
                .sorted(Comparator.comparing(UserName::displayName, String.CASE_INSENSITIVE_ORDER).thenComparingLong(UserName::id))
                .map(user -> queueAgent(user, states.get(user.id()), rows.get(user.id()))).toList();
    }

    /** "Login to queues": Ready in each chosen assigned queue; the other queues stay as they are. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public AgentStatus loginToQueues(long userId, Set<Long> queueIds) {
        if (queueIds == null || queueIds.isEmpty()) {
            throw new ValidationException("agent.error.choose-a-queue");
        }
        Instant now = clock.instant();
        PresenceRow agent = lock(userId, now);
        List<QueueStatus> assigned = queueStates(userId);
        Set<Long> assignedIds = assigned.stream().map(QueueStatus::queueId).collect(Collectors.toSet());
        for (Long queueId : queueIds) {
            if (!assignedIds.contains(queueId)) {
                throw new ValidationException("agent.error.not-assigned-to-queue", queueId);
            }
        }
        for (QueueStatus queue : assigned) {
            if (queueIds.contains(queue.queueId()) && queue.state() != PresenceState.READY) {
                presence.setQueueState(userId, queue.queueId(), PresenceState.READY, null, now);
                presence.event(userId, now, "QUEUE_READY", queue.queueId(), null, AgentAccess.actorId(), null);
            }
        }
        presence.setLastSeen(userId, now);
        presence.setPending(userId, null, null);
        publish(userId, queueIds, agent.activity() == Activity.IDLE);
        return read(userId);
    }

    /** The card's "My Status" menu: Ready now, a pause reason, or Logout, in one queue. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public AgentStatus setQueueState(long userId, long queueId, PresenceState state, Long pauseReasonId) {
        Instant now = clock.instant();
        PresenceRow agent = lock(userId, now);
        QueueStatus queue = queueStates(userId).stream().filter(q -> q.queueId() == queueId).findFirst()
                .orElseThrow(() -> new ValidationException("agent.error.agent-not-assigned"));
        Long reasonId = state == PresenceState.PAUSED ? selectableReason(pauseReasonId) : null;
        presence.setQueueState(userId, queueId, state, reasonId, now);
        presence.event(userId, now, "QUEUE_" + state.name(), queueId, reasonId, AgentAccess.actorId(), null);
        if (state == PresenceState.READY) {
            presence.setLastSeen(userId, now);
        }
        publish(userId, Set.of(queue.queueId()), state == PresenceState.READY && agent.activity() == Activity.IDLE);
        return read(userId);
    }

    /**
     * The global "Agent status" menu. Ready resumes every logged-in queue; a pause reason pauses
     * them all; Logout leaves all. During a call, pause and logout wait until the call is over.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public AgentStatus setGlobal(long userId, GlobalAction action, Long pauseReasonId) {
        Instant now = clock.instant();
        PresenceRow agent = lock(userId, now);
        Long reasonId = action == GlobalAction.PAUSE ? selectableReason(pauseReasonId) : null;
        if (action != GlobalAction.READY && agent.activity() != Activity.IDLE) {
            presence.setPending(userId, action, reasonId);
            presence.event(userId, now, "PENDING_" + action.name(), null, reasonId, AgentAccess.actorId(), null);
            publish(userId, Set.of(), false);
            return read(userId);
        }
        presence.setPending(userId, null, null);
        Set<Long> touched = apply(userId, action, reasonId, now, AgentAccess.actorId());
        if (action == GlobalAction.READY) {
            presence.setLastSeen(userId, now);
        }
        publish(userId, touched, action == GlobalAction.READY && agent.activity() == Activity.IDLE);
        return read(userId);
    }

    /** A dashboard or API client of the agent is alive; silence for {@code switchboard.agents.disconnected-after} pauses the agent. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public void heartbeat(long userId) {
        lock(userId, clock.instant());
        presence.setLastSeen(userId, clock.instant());
    }

    /**
     * The line selector: which of the user's extensions takes contact-center calls; offers name it.
     * Only between calls, so an offer rings the line it names.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public AgentStatus setLine(long userId, String line) {
        String chosen = line == null ? "" : line.trim();
        List<String> lines = users.linesOf(userId);
        if (!lines.contains(chosen)) {
            throw lines.isEmpty() ? new ValidationException("agent.error.no-lines")
                    : new ValidationException("agent.error.not-a-line", chosen, String.join(", ", lines));
        }
        PresenceRow agent = lock(userId, clock.instant());
        if (agent.activity() != Activity.IDLE) {
            throw new ConflictException("agent.error.line-during-call");
        }
        if (!chosen.equals(agent.line())) {
            presence.setLine(userId, chosen);
            presence.event(userId, clock.instant(), "LINE", null, null, AgentAccess.actorId(), chosen);
            publish(userId, Set.of(), false);
        }
        return read(userId);
    }

    /**
     * Pauses, with the reason "Disconnected", every ready and idle agent with no dashboard or API
     * client for {@code switchboard.agents.disconnected-after} (60 s), so nobody is offered to an empty
     * chair. Safe on several nodes.
     */
    @Unrestricted("the sweep, on every node: it pauses only agents silent for the disconnect time, whoever runs it")
    @Transactional
    public int pauseDisconnected() {
        Instant now = clock.instant();
        long reasonId = systemReason(PauseReason.DISCONNECTED);
        int paused = 0;
        for (Long userId : presence.silentReadyAgents(now.minus(silenceBeforeDisconnected))) {
            PresenceRow agent = presence.lock(userId).orElseThrow();
            if (agent.activity() == Activity.IDLE && silent(agent, now)) {
                publish(userId, pauseReady(userId, reasonId, now, null), false);
                paused++;
            }
        }
        return paused;
    }

    /** Whether neither a dashboard nor an API client has said the agent is there within the disconnect time. */
    boolean silent(PresenceRow agent, Instant now) {
        return agent.lastSeenAt() == null || agent.lastSeenAt().isBefore(now.minus(silenceBeforeDisconnected));
    }

    Set<Long> apply(long userId, GlobalAction action, Long reasonId, Instant now, Long actorId) {
        Set<Long> touched = new HashSet<>();
        for (QueueStatus queue : queueStates(userId)) {
            PresenceState target = switch (action) {
                case READY -> queue.state() == PresenceState.PAUSED ? PresenceState.READY : null;
                case PAUSE -> queue.state() == PresenceState.READY ? PresenceState.PAUSED : null;
                case LOGOUT -> queue.state() != PresenceState.LOGGED_OUT ? PresenceState.LOGGED_OUT : null;
            };
            if (target == null && action == GlobalAction.PAUSE && queue.state() == PresenceState.PAUSED) {
                target = PresenceState.PAUSED; // a new reason replaces the old one
            }
            if (target != null) {
                Long reason = target == PresenceState.PAUSED ? reasonId : null;
                presence.setQueueState(userId, queue.queueId(), target, reason, now);
                presence.event(userId, now, "QUEUE_" + target.name(), queue.queueId(), reason, actorId, null);
                touched.add(queue.queueId());
            }
        }
        return touched;
    }

    /** Pauses every queue where the agent is ready; returns the queues paused. */
    Set<Long> pauseReady(long userId, long reasonId, Instant now, Long actorId) {
        Set<Long> touched = new HashSet<>();
        for (QueueStatus queue : queueStates(userId)) {
            if (queue.state() == PresenceState.READY) {
                presence.setQueueState(userId, queue.queueId(), PresenceState.PAUSED, reasonId, now);
                presence.event(userId, now, "QUEUE_PAUSED", queue.queueId(), reasonId, actorId, null);
                touched.add(queue.queueId());
            }
        }
        return touched;
    }

    long systemReason(String name) {
        return reasons.findByName(name).orElseThrow(() -> new IllegalStateException("Missing pause reason " + name)).id();
    }

    private Long selectableReason(Long reasonId) {
        if (reasonId == null) {
            throw new ValidationException("agent.error.choose-pause-reason");
        }
        PauseReason reason = reasons.findById(reasonId).orElseThrow(() -> new ValidationException("agent.error.no-such-pause-reason"));
        if (!reason.active() || reason.systemReason()) {
            throw new ValidationException("agent.error.pause-reason-not-selectable", reason.name());
        }
        return reasonId;
    }

    PresenceRow lock(long userId, Instant now) {
        presence.ensure(userId, now);
        return presence.lock(userId).orElseThrow(() -> new NotFoundException("agent.error.no-such-agent"));
    }

    void publish(long userId, Set<Long> queueIds, boolean becameAvailable) {
        events.publishEvent(new AgentStatusChanged(userId, Set.copyOf(queueIds), becameAvailable));
    }

    private AgentStatus read(long userId) {
        PresenceRow row = presence.find(userId).orElse(null);
        List<String> lines = users.linesOf(userId);
        List<QueueStatus> queues = queueStates(userId);
        if (row == null) {
            Instant now = clock.instant();
            return new AgentStatus(userId, null, Activity.IDLE, now, now, 0, null, ringingLine(null, lines), lines, queues);
        }
        PendingChange pending = row.pendingAction() == null ? null
                : new PendingChange(row.pendingAction(), row.pendingReasonId(), row.pendingReason());
        UserName name = names.of(List.of(userId)).get(userId);
        return new AgentStatus(userId, name == null ? null : name.username(), row.activity(), row.activitySince(), row.idleSince(),
                row.missedInRow(), pending, ringingLine(row.line(), lines), lines, queues);
    }

    /**
     * The agent's assigned queues, by name, with its state in each (LOGGED_OUT where it never joined): the
     * queue module answers the assignments, this module the states.
     */
    private List<QueueStatus> queueStates(long userId) {
        Map<Long, QueueStateRow> states = presence.queueStates(userId);
        return queueDirectory.agentQueuesOf(userId).stream().map(queue -> {
            QueueStateRow state = states.get(queue.id());
            return state == null ? new QueueStatus(queue.id(), queue.name(), queue.kind(), PresenceState.LOGGED_OUT, null, null, null)
                    : new QueueStatus(queue.id(), queue.name(), queue.kind(), state.state(), state.pauseReasonId(),
                            state.pauseReason(), state.since());
        }).toList();
    }

    private static QueueAgent queueAgent(UserName user, QueueStateRow state, PresenceRow row) {
        PendingChange pending = row == null || row.pendingAction() == null ? null
                : new PendingChange(row.pendingAction(), row.pendingReasonId(), row.pendingReason());
        return new QueueAgent(user.id(), user.username(), user.displayName(),
                state == null ? PresenceState.LOGGED_OUT : state.state(), state == null ? null : state.pauseReason(),
                state == null ? null : state.since(), row == null ? Activity.IDLE : row.activity(),
                row == null ? null : row.activitySince(), pending);
    }

    /** The chosen line while it is still one of the user's, else the first of them (admins may change the list). */
    private static String ringingLine(String chosen, List<String> lines) {
        return lines.contains(chosen) ? chosen : lines.isEmpty() ? null : lines.getFirst();
    }
}
