package org.switchboard.audit;

/**
 * Who acted. Plain values, so the audit log depends on no other feature.
 *
 * @param userId   the acting user's id, or null for the system and principals without a user row
 * @param username the acting user's name ({@code system} for background work)
 */
public record Actor(Long userId, String username) {

    public static final Actor SYSTEM = new Actor(null, "system");

    public Actor {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("An actor needs a user name");
        }
    }
}
