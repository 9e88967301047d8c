package org.switchboard.dashboard;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentAccess;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.agent.QueueStatus;
import org.switchboard.common.NotFoundException;
import org.switchboard.contact.ContactService;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** Reads an agent's dashboard and a queue's details; every part checks that the caller may see it. */
@Service
public class DashboardService {

    private final AgentStatusService agents;
    private final ContactService contacts;
    private final QueueMetricsService metrics;
    private final PauseReasonService reasons;
    private final QueueService queues;
    private final SharedQueueFigures sharedFigures;
    private final AgentAccess access;

    DashboardService(AgentStatusService agents, ContactService contacts, QueueMetricsService metrics,
            PauseReasonService reasons, QueueService queues, SharedQueueFigures sharedFigures, AgentAccess access) {
        this.sharedFigures = sharedFigures;
        this.access = access;
        this.agents = agents;
        this.contacts = contacts;
        this.metrics = metrics;
        this.reasons = reasons;
        this.queues = queues;
    }

    @Transactional(readOnly = true)
    public DashboardModel load(long agentId) {
        AgentStatus status = agents.status(agentId);
        return new DashboardModel(status, contacts.currentContactsOf(agentId),
                sharedFigures.of(status.queues().stream().map(QueueStatus::queueId).toList()), reasons.selectable());
    }

    /**
     * The live figures of the agent's queues, as its dashboard's last {@link #load} listed them: what
     * the dashboard reloads when only its queues changed. Usually no database work at all: the
     * figures are shared by the node's dashboards (see {@link SharedQueueFigures}), so this method
     * opens no transaction of its own; computing stale figures runs in the metrics service's.
     */
    public Map<Long, QueueMetrics> figuresOf(long agentId, Collection<Long> agentsQueueIds) {
        access.requireSelfOrManager(agentId);
        return sharedFigures.of(agentsQueueIds);
    }

    /** A queue in detail, for its agents and supervisors and for admins. */
    @Transactional(readOnly = true)
    public QueueSnapshot queueDetails(long queueId) {
        QueueInfo queue = queues.findById(queueId).orElseThrow(() -> new NotFoundException("No queue " + queueId + "."));
        requireAssignedOrAdmin(queueId);
        return new QueueSnapshot(queue, metrics.metrics(queueId), contacts.waiting(queueId), agents.agentsIn(queueId),
                metrics.todayByHour(queueId));
    }

    private void requireAssignedOrAdmin(long queueId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw new AccessDeniedException("Sign in to see queues.");
        }
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN_ROLE).equals(a.getAuthority()));
        if (admin || auth.getPrincipal() instanceof SignedInUser me
                && (queues.isAssigned(queueId, me.id(), AssignmentRole.AGENT)
                        || queues.isAssigned(queueId, me.id(), AssignmentRole.SUPERVISOR))) {
            return;
        }
        throw new AccessDeniedException("You are not assigned to this queue.");
    }
}
