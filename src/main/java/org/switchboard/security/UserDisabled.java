package org.switchboard.security;

/** Published after commit when an admin disables a user: that user's open sessions must end. */
public record UserDisabled(long userId, String username) {
}
