package org.switchboard.dashboard;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.agent.QueueStatus;
import org.switchboard.contact.ContactService;
import org.switchboard.metrics.QueueMetricsService;

/** Reads an agent's dashboard; every part checks that the caller may see this agent. */
@Service
public class DashboardService {

    private final AgentStatusService agents;
    private final ContactService contacts;
    private final QueueMetricsService metrics;
    private final PauseReasonService reasons;

    DashboardService(AgentStatusService agents, ContactService contacts, QueueMetricsService metrics,
            PauseReasonService reasons) {
        this.agents = agents;
        this.contacts = contacts;
        this.metrics = metrics;
        this.reasons = reasons;
    }

    @Transactional(readOnly = true)
    public DashboardModel load(long agentId) {
        AgentStatus status = agents.status(agentId);
        return new DashboardModel(status, contacts.currentContactsOf(agentId),
                metrics.metrics(status.queues().stream().map(QueueStatus::queueId).toList()), reasons.selectable());
    }
}
