package org.switchboard.security;

import java.util.Set;

/**
 * What an admin enters to create or change a user.
 *
 * @param password a new password, or null to keep the current one when editing
 */
public record UserForm(String username, String displayName, String password, Set<Role> roles) {
}
