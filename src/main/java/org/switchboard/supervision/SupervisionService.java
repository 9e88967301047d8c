package org.switchboard.supervision;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.agent.QueueAgent;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.dashboard.DashboardService;
import org.switchboard.dashboard.QueueSnapshot;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * What a supervisor watches and does: its queues and campaigns with their live figures, one queue
 * in detail, and, on an agent of one of those queues, ending the wrap-up, pausing and logging out.
 * A supervisor sees and acts only through the queues it supervises; admins through every queue.
 * Every action is written to the audit log in the action's own transaction.
 */
@Service
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
public class SupervisionService {

    private static final String AGENT_OF_SUPERVISED_QUEUE = "@queueAccess.supervisesAgent(#queueId, #agentId)";

    private final QueueService queues;
    private final QueueMetricsService metrics;
    private final DashboardService dashboards;
    private final AgentStatusService agents;
    private final PauseReasonService reasons;
    private final ContactService contacts;
    private final AuditLog audit;

    SupervisionService(QueueService queues, QueueMetricsService metrics, DashboardService dashboards, AgentStatusService agents,
            PauseReasonService reasons, ContactService contacts, AuditLog audit) {
        this.queues = queues;
        this.metrics = metrics;
        this.dashboards = dashboards;
        this.agents = agents;
        this.reasons = reasons;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** The live figures of every queue and campaign the caller supervises (all of them for an admin), by name. */
    @Transactional(readOnly = true)
    public List<QueueMetrics> overview() {
        return List.copyOf(metrics.metrics(supervised().stream().map(QueueInfo::id).toList()).values());
    }

    /** The queues the caller supervises, by name. */
    @Transactional(readOnly = true)
    public List<QueueInfo> supervisedQueues() {
        return supervised();
    }

    private List<QueueInfo> supervised() {
        return isAdmin() ? queues.findAll() : queues.queuesOf(me().id(), AssignmentRole.SUPERVISOR);
    }

    /** One supervised queue in detail: who waits, its agents, today by outcome and by hour. */
    @PreAuthorize("@queueAccess.supervises(#queueId)")
    @Transactional(readOnly = true)
    public QueueSnapshot drillDown(long queueId) {
        return dashboards.queueDetails(queueId);
    }

    /** The reasons a supervisor may pause an agent with. */
    @Transactional(readOnly = true)
    public List<PauseReason> pauseReasons() {
        return reasons.selectable();
    }

    /** Ends the wrap-up of an agent of a supervised queue; the agent is free for the next contact at once. */
    @PreAuthorize(AGENT_OF_SUPERVISED_QUEUE)
    @Transactional
    public void endWrapUp(long queueId, long agentId) {
        QueueInfo queue = queue(queueId);
        QueueAgent agent = agentIn(queue, agentId);
        contacts.endWrapUpFor(agentId);
        audit.record(AuditAction.AGENT_WRAP_UP_ENDED, AuditTarget.agent(agentId, agent.username()), "Queue " + queue.name());
    }

    /**
     * Pauses an agent of a supervised queue everywhere, as the agent's own status menu would; during
     * a contact the pause waits until the contact and its wrap-up end.
     */
    @PreAuthorize(AGENT_OF_SUPERVISED_QUEUE)
    @Transactional
    public AgentStatus pause(long queueId, long agentId, Long pauseReasonId) {
        QueueInfo queue = queue(queueId);
        QueueAgent agent = agentIn(queue, agentId);
        if (pauseReasonId == null) {
            throw new ValidationException("supervision.error.choose-pause-reason");
        }
        AgentStatus status = agents.setGlobal(agentId, GlobalAction.PAUSE, pauseReasonId);
        String reason = reasons.findById(pauseReasonId).map(PauseReason::name).orElseThrow();
        audit.record(AuditAction.AGENT_PAUSED, AuditTarget.agent(agentId, agent.username()),
                reason + " · queue " + queue.name() + (status.pending() == null ? "" : " · after the current contact"));
        return status;
    }

    /** Logs an agent of a supervised queue out of every queue; during a contact, once it and its wrap-up end. */
    @PreAuthorize(AGENT_OF_SUPERVISED_QUEUE)
    @Transactional
    public AgentStatus logOut(long queueId, long agentId) {
        QueueInfo queue = queue(queueId);
        QueueAgent agent = agentIn(queue, agentId);
        AgentStatus status = agents.setGlobal(agentId, GlobalAction.LOGOUT, null);
        audit.record(AuditAction.AGENT_LOGGED_OUT, AuditTarget.agent(agentId, agent.username()),
                "Queue " + queue.name() + (status.pending() == null ? "" : " · after the current contact"));
        return status;
    }

    private QueueInfo queue(long queueId) {
        return queues.findById(queueId).orElseThrow(() -> new NotFoundException("supervision.error.no-such-queue", queueId));
    }

    private QueueAgent agentIn(QueueInfo queue, long agentId) {
        return agents.agentsIn(queue.id()).stream().filter(a -> a.userId() == agentId).findFirst()
                .orElseThrow(() -> new NotFoundException("supervision.error.not-an-agent-of", queue.name()));
    }

    private static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN_ROLE).equals(a.getAuthority()));
    }

    private static SignedInUser me() {
        return SignedInUser.current("Only a signed-in supervisor supervises queues.");
    }
}
