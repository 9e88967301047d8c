package org.switchboard.security;

import java.util.Set;

/** A user as screens and other features see it: never the password hash. */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled, int version) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
