package org.switchboard.security;

import java.util.List;

/** Published after commit when an admin changed a user's phone lines: its open dashboard shows the new ones. */
public record UserLinesChanged(long userId, List<String> lines) {
}
