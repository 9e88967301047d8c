package org.switchboard.dashboard;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentStatus;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.agent.QueueStatus;
import org.switchboard.common.NotFoundException;
import org.switchboard.contact.ContactService;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.voice.VoiceService;

/** Reads an agent's dashboard and a queue's details; every part checks that the caller may see it. */
@Service
public class DashboardService {

    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";

    private final AgentStatusService agents;
    private final ContactService contacts;
    private final QueueMetricsService metrics;
    private final PauseReasonService reasons;
    private final QueueService queues;
    private final SharedQueueFigures sharedFigures;
    private final VoiceService voice;

    DashboardService(AgentStatusService agents, ContactService contacts, QueueMetricsService metrics,
            PauseReasonService reasons, QueueService queues, SharedQueueFigures sharedFigures, VoiceService voice) {
        this.voice = voice;
        this.sharedFigures = sharedFigures;
        this.agents = agents;
        this.contacts = contacts;
        this.metrics = metrics;
        this.reasons = reasons;
        this.queues = queues;
    }

    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public DashboardModel load(long agentId) {
        AgentStatus status = agents.status(agentId);
        return new DashboardModel(status, contacts.currentContactsOf(agentId),
                sharedFigures.of(status.queues().stream().map(QueueStatus::queueId).toList()), reasons.selectable(),
                voice.audioCallsOf(agentId));
    }

    /**
     * The live figures of the agent's queues, as its dashboard's last {@link #load} listed them: what
     * the dashboard reloads when only its queues changed. Usually no database work at all: the
     * figures are shared by the node's dashboards (see {@link SharedQueueFigures}), so this method
     * opens no transaction of its own; computing stale figures runs in the metrics service's.
     */
    @PreAuthorize(FOR_AGENT)
    public Map<Long, QueueMetrics> figuresOf(long agentId, Collection<Long> agentsQueueIds) {
        return sharedFigures.of(agentsQueueIds);
    }

    /** A queue in detail, for its agents and supervisors and for admins. */
    @PreAuthorize("@queueAccess.isMember(#queueId)")
    @Transactional(readOnly = true)
    public QueueSnapshot queueDetails(long queueId) {
        QueueInfo queue = queues.findById(queueId).orElseThrow(() -> new NotFoundException("dashboard.error.no-such-queue", queueId));
        return new QueueSnapshot(queue, metrics.metrics(queueId), contacts.waiting(queueId), agents.agentsIn(queueId),
                metrics.todayByHour(queueId));
    }
}
