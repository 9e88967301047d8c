package org.switchboard.queue;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.queue.data.AssignmentRepository;
import org.switchboard.queue.data.QueueEntity;
import org.switchboard.queue.data.QueueQueries;
import org.switchboard.queue.data.QueueRepository;
import org.switchboard.common.ConflictException;
import org.switchboard.common.FormValidation;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * Queues, their settings and who is assigned to them. Reading queue configuration is open to every
 * feature (the routing engine reads it from background threads); changing it is for admins.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class QueueService {

    private final QueueRepository queues;
    private final QueueQueries reads;
    private final AssignmentRepository assignments;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final UserService users;
    private final FormValidation forms;

    QueueService(QueueRepository queues, QueueQueries reads, AssignmentRepository assignments, ApplicationEventPublisher events,
            AuditLog audit, UserService users, FormValidation forms) {
        this.users = users;
        this.forms = forms;
        this.queues = queues;
        this.reads = reads;
        this.assignments = assignments;
        this.events = events;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<QueueInfo> findAll() {
        return reads.all();
    }

    @Transactional(readOnly = true)
    public Optional<QueueInfo> findById(long id) {
        return reads.byId(id);
    }

    @Transactional(readOnly = true)
    public Optional<QueueInfo> findByName(String name) {
        return reads.byName(name);
    }

    @Transactional(readOnly = true)
    public Map<Long, QueueInfo> findAllById(Collection<Long> ids) {
        return reads.byIds(ids).stream().collect(Collectors.toMap(QueueInfo::id, Function.identity()));
    }

    /** The campaigns whose undialed entries are the abandoned calls of this call queue. */
    @Transactional(readOnly = true)
    public List<QueueInfo> campaignsFedBy(long queueId) {
        return reads.campaignsFedBy(queueId);
    }

    /** The queues a user works in as an agent or watches as a supervisor, by name. */
    @Transactional(readOnly = true)
    public List<QueueInfo> queuesOf(long userId, AssignmentRole role) {
        return reads.assignedTo(userId, role);
    }

    @Transactional(readOnly = true)
    public List<Long> usersOf(long queueId, AssignmentRole role) {
        return assignments.userIdsOf(queueId, role);
    }

    /** The agents of the queues a supervisor watches, without the supervisor itself. */
    @Transactional(readOnly = true)
    public List<Long> agentsSupervisedBy(long supervisorId) {
        return assignments.agentIdsSupervisedBy(supervisorId);
    }

    @Transactional(readOnly = true)
    public boolean isAssigned(long queueId, long userId, AssignmentRole role) {
        return assignments.isAssigned(queueId, userId, role);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public QueueInfo create(QueueSettings entered) {
        QueueSettings settings = validate(entered, null);
        QueueInfo created = save(new QueueEntity(settings));
        audit.record(AuditAction.QUEUE_CREATED, AuditTarget.queue(created.id(), created.name()),
                created.kind().label() + "; " + QueueChanges.describe(created.settings()));
        events.publishEvent(new QueueChanged(created.id(), Set.of()));
        return created;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public QueueInfo update(long id, int expectedVersion, QueueSettings entered) {
        QueueEntity queue = queues.findById(id).orElseThrow(() -> new NotFoundException("queue.error.no-such-queue"));
        if (queue.getVersion() != expectedVersion) {
            throw ConflictException.staleVersion("queue.error.this-queue");
        }
        QueueSettings settings = validate(entered, id);
        if (queue.getKind() != settings.kind()) {
            throw new ValidationException("queue.error.kind-fixed");
        }
        QueueSettings before = queue.toInfo().settings();
        queue.apply(settings);
        QueueInfo saved = save(queue);
        audit.record(AuditAction.QUEUE_CHANGED, AuditTarget.queue(id, saved.name()),
                QueueChanges.between(before, saved.settings()));
        events.publishEvent(new QueueChanged(id, assignedUsers(id)));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void assign(long queueId, AssignmentRole role, Set<Long> userIds) {
        QueueEntity queue = queues.findById(queueId).orElseThrow(() -> new NotFoundException("queue.error.no-such-queue"));
        Set<Long> before = Set.copyOf(assignments.userIdsOf(queueId, role));
        try {
            assignments.replace(queueId, role, userIds);
        } catch (DataIntegrityViolationException e) {
            throw new ValidationException("queue.error.user-gone");
        }
        audit.record(role == AssignmentRole.AGENT ? AuditAction.QUEUE_AGENTS_ASSIGNED : AuditAction.QUEUE_SUPERVISORS_ASSIGNED,
                AuditTarget.queue(queueId, queue.toInfo().name()), QueueChanges.assignment(before, Set.copyOf(userIds),
                        users.findAll().stream().collect(Collectors.toMap(UserSummary::id, UserSummary::username))));
        Set<Long> concerned = new HashSet<>(before);
        concerned.addAll(userIds);
        events.publishEvent(new QueueChanged(queueId, Set.copyOf(concerned)));
    }

    /** Everyone who sees the queue: its agents and its supervisors. */
    private Set<Long> assignedUsers(long queueId) {
        Set<Long> ids = new HashSet<>(assignments.userIdsOf(queueId, AssignmentRole.AGENT));
        ids.addAll(assignments.userIdsOf(queueId, AssignmentRole.SUPERVISOR));
        return Set.copyOf(ids);
    }

    private QueueInfo save(QueueEntity queue) {
        try {
            return queues.save(queue).toInfo();
        } catch (DataIntegrityViolationException e) {
            throw new ValidationException("queue.error.name-taken");
        }
    }

    /** The settings, normalized, once their constraints hold and what they name exists; the name is free. */
    private QueueSettings validate(QueueSettings entered, Long id) {
        QueueSettings s = forms.check(entered.normalized());
        reads.byName(s.name()).filter(q -> id == null || q.id() != id).ifPresent(q -> {
            throw new ValidationException("queue.error.name-taken-named", s.name());
        });
        if (s.kind() != QueueKind.CAMPAIGN && !s.sourceQueueIds().isEmpty()) {
            throw new ValidationException("queue.error.sources-only-campaign");
        }
        for (Long sourceId : s.sourceQueueIds()) {
            QueueInfo source = reads.byId(sourceId)
                    .orElseThrow(() -> new ValidationException("queue.error.source-gone"));
            if (source.kind() != QueueKind.CALL) {
                throw new ValidationException("queue.error.source-not-call");
            }
        }
        return s;
    }
}
