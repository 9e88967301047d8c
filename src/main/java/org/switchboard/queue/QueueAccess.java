package org.switchboard.queue;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.queue.data.AssignmentRepository;
import org.switchboard.queue.data.QueueQueries;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * Who may see or manage a queue: its assigned agents and supervisors, and admins. Services state it
 * as {@code @PreAuthorize("@queueAccess.supervises(#queueId)")}; each check is true or refuses with
 * an {@link AccessDeniedException} that says why, which the screens show.
 */
@Component("queueAccess")
public class QueueAccess {

    private final AssignmentRepository assignments;
    private final QueueQueries queues;

    QueueAccess(AssignmentRepository assignments, QueueQueries queues) {
        this.assignments = assignments;
        this.queues = queues;
    }

    /** An admin, or an agent or supervisor of the queue. */
    @Transactional(readOnly = true)
    public boolean isMember(long queueId) {
        if (isAdmin() || SignedInUser.current().filter(me -> assignments.isAssigned(queueId, me.id(), AssignmentRole.AGENT)
                || assignments.isAssigned(queueId, me.id(), AssignmentRole.SUPERVISOR)).isPresent()) {
            return true;
        }
        throw new AccessDeniedException("You are not assigned to this queue.");
    }

    /** An admin, or a supervisor of the queue. */
    @Transactional(readOnly = true)
    public boolean supervises(long queueId) {
        return checkSupervises(queueId);
    }

    /** Someone who {@link #supervises} the queue, acting on one of its agents. */
    @Transactional(readOnly = true)
    public boolean supervisesAgent(long queueId, long agentUserId) {
        if (checkSupervises(queueId) && assignments.isAssigned(queueId, agentUserId, AssignmentRole.AGENT)) {
            return true;
        }
        throw new AccessDeniedException("That user is not an agent of " + name(queueId) + ".");
    }

    private boolean checkSupervises(long queueId) {
        if (isAdmin() || SignedInUser.current().filter(me -> assignments.isAssigned(queueId, me.id(), AssignmentRole.SUPERVISOR))
                .isPresent()) {
            return true;
        }
        throw new AccessDeniedException("You do not supervise " + name(queueId) + ".");
    }

    private String name(long queueId) {
        return queues.byId(queueId).map(QueueInfo::name).orElse("queue " + queueId);
    }

    private static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Role.ADMIN_ROLE).equals(a.getAuthority()));
    }
}
