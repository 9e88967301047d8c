package org.switchboard.agent;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/**
 * Who may act on an agent's status and contacts: the agent itself; a supervisor of one of the
 * agent's queues; admins; integration clients (desk phones, CTI) through the API.
 */
@Component
public class AgentAccess {

    private final QueueService queues;

    AgentAccess(QueueService queues) {
        this.queues = queues;
    }

    /** The agent itself, or someone who manages it. */
    public void requireSelfOrManager(long agentUserId) {
        if (!isSelf(agentUserId)) {
            requireManager(agentUserId);
        }
    }

    /** A supervisor over one of the agent's queues, an admin or an integration client. */
    public void requireManager(long agentUserId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (has(auth, Role.ADMIN_ROLE) || has(auth, Role.INTEGRATION_ROLE)) {
            return;
        }
        if (has(auth, Role.SUPERVISOR_ROLE) && auth.getPrincipal() instanceof SignedInUser me && supervises(me.id(), agentUserId)) {
            return;
        }
        throw new AccessDeniedException("You may not act for this agent.");
    }

    public boolean supervises(long supervisorId, long agentUserId) {
        return queues.queuesOf(agentUserId, AssignmentRole.AGENT).stream()
                .anyMatch(q -> queues.isAssigned(q.id(), supervisorId, AssignmentRole.SUPERVISOR));
    }

    /** The signed-in person's user id, or null for the system and integration clients. */
    public static Long actorId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser me && me.id() != 0) {
            return me.id();
        }
        return null;
    }

    private static boolean isSelf(long agentUserId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser me && me.id() == agentUserId
                && has(auth, Role.AGENT_ROLE);
    }

    private static boolean has(Authentication auth, String role) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
