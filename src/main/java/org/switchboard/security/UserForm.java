package org.switchboard.security;

import java.util.List;
import java.util.Set;

/**
 * What an admin enters to create or change a user.
 *
 * @param password a new password, or null to keep the current one when editing
 * @param lines    the user's phone extensions, the first taking calls until the agent picks another;
 *                 null keeps them as they are when editing
 */
public record UserForm(String username, String displayName, String password, Set<Role> roles, List<String> lines) {

    /** A user without phone extensions, or, when editing, keeping them. */
    public UserForm(String username, String displayName, String password, Set<Role> roles) {
        this(username, displayName, password, roles, null);
    }
}
