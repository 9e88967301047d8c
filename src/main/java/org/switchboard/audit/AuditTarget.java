package org.switchboard.audit;

/**
 * What an action was done to: a kind of thing and, where it has them, its id and name (the name as
 * it was at the time, so the entry still reads right after a rename).
 */
public record AuditTarget(String type, Long id, String name) {

    public static final String USER = "USER";
    public static final String QUEUE = "QUEUE";
    public static final String PAUSE_REASON = "PAUSE_REASON";
    public static final String AGENT = "AGENT";
    public static final String CONTACT = "CONTACT";

    public AuditTarget {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("A target needs a type");
        }
    }

    public static AuditTarget user(long id, String username) {
        return new AuditTarget(USER, id, username);
    }

    public static AuditTarget queue(long id, String name) {
        return new AuditTarget(QUEUE, id, name);
    }

    public static AuditTarget pauseReason(long id, String name) {
        return new AuditTarget(PAUSE_REASON, id, name);
    }

    /** An agent acted on by a supervisor (end wrap-up, pause, log out). */
    public static AuditTarget agent(long userId, String username) {
        return new AuditTarget(AGENT, userId, username);
    }
}
