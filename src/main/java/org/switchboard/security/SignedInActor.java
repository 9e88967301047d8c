package org.switchboard.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.audit.Actor;
import org.switchboard.audit.CurrentActor;

/** The audit log's actor: the signed-in user, {@code system} for background work, else the principal's name. */
@Component
class SignedInActor implements CurrentActor {

    @Override
    public Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getName() == null || auth.getName().isBlank()) {
            return Actor.SYSTEM;
        }
        if (auth.getPrincipal() instanceof SignedInUser user) {
            return SystemUser.USERNAME.equals(user.username()) && user.id() == 0 ? Actor.SYSTEM
                    : new Actor(user.id(), user.username());
        }
        return new Actor(null, auth.getName());
    }
}
