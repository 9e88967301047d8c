package org.switchboard.security;

/** Published after commit when an admin changed a user's phone lines: its open dashboard shows the new ones. */
public record UserLinesChanged(long userId) {
}
