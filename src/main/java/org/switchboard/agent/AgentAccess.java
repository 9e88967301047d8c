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
 * agent's queues; admins; integration clients (desk phones, CTI) through the API. Services state it
 * as {@code @PreAuthorize("@agentAccess.canActFor(#agentId)")}; each check is true or refuses with an
 * {@link AccessDeniedException} that says why, which the screens show.
 */
@Component("agentAccess")
public class AgentAccess {

    private final QueueService queues;

    AgentAccess(QueueService queues) {
        this.queues = queues;
    }

    /** The agent itself, or someone who manages it. */
    public boolean canActFor(long agentUserId) {
        if (self(agentUserId) && has(auth(), Role.AGENT_ROLE) || managing(agentUserId)) {
            return true;
        }
        throw new AccessDeniedException("You may not act for this agent.");
    }

    /** A supervisor over one of the agent's queues, an admin or an integration client. */
    public boolean manages(long agentUserId) {
        if (managing(agentUserId)) {
            return true;
        }
        throw new AccessDeniedException("You may not act for this agent.");
    }

    /** The signed-in person is this user, whatever its roles: its own settings and library. */
    public boolean isSelf(long userId) {
        if (self(userId)) {
            return true;
        }
        throw new AccessDeniedException("Only the user itself may do this.");
    }

    /** The signed-in person's user id, or null for the system and integration clients. */
    public static Long actorId() {
        Authentication auth = auth();
        if (auth != null && auth.getPrincipal() instanceof SignedInUser me && me.id() != 0) {
            return me.id();
        }
        return null;
    }

    private boolean managing(long agentUserId) {
        Authentication auth = auth();
        if (has(auth, Role.ADMIN_ROLE) || has(auth, Role.INTEGRATION_ROLE)) {
            return true;
        }
        return has(auth, Role.SUPERVISOR_ROLE) && auth.getPrincipal() instanceof SignedInUser me
                && queues.queuesOf(agentUserId, AssignmentRole.AGENT).stream()
                        .anyMatch(q -> queues.isAssigned(q.id(), me.id(), AssignmentRole.SUPERVISOR));
    }

    private static boolean self(long userId) {
        return auth() != null && auth().getPrincipal() instanceof SignedInUser me && me.id() == userId && me.id() != 0;
    }

    private static Authentication auth() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static boolean has(Authentication auth, String role) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
