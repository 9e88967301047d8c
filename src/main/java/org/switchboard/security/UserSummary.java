package org.switchboard.security;

import java.util.List;
import java.util.Set;

/**
 * A user as screens and other features see it: never the password hash.
 *
 * @param lines the user's phone extensions, in the order the admin entered them
 */
public record UserSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled, int version,
        List<String> lines) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
