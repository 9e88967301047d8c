package org.switchboard.audit;

/**
 * The action codes written so far. Codes are plain strings so that a feature can add its own
 * without changing this one; keep them short, dotted and stable (filters and exports use them).
 */
public final class AuditAction {

    public static final String USER_CREATED = "user.created";
    public static final String USER_CHANGED = "user.changed";
    public static final String USER_DISABLED = "user.disabled";
    public static final String USER_ENABLED = "user.enabled";
    public static final String QUEUE_CREATED = "queue.created";
    public static final String QUEUE_CHANGED = "queue.changed";
    public static final String QUEUE_AGENTS_ASSIGNED = "queue.agents-assigned";
    public static final String QUEUE_SUPERVISORS_ASSIGNED = "queue.supervisors-assigned";
    public static final String PAUSE_REASON_CREATED = "pause-reason.created";
    public static final String PAUSE_REASON_CHANGED = "pause-reason.changed";
    public static final String PAUSE_REASON_DEACTIVATED = "pause-reason.deactivated";
    public static final String PAUSE_REASON_ACTIVATED = "pause-reason.activated";
    /** For the supervision feature: a supervisor ends an agent's wrap-up, pauses or logs out an agent. */
    public static final String AGENT_WRAP_UP_ENDED = "agent.wrap-up-ended";
    public static final String AGENT_PAUSED = "agent.paused";
    public static final String AGENT_LOGGED_OUT = "agent.logged-out";
    /** For the voice feature: a supervisor listens to an agent's call, or whispers to the agent. */
    public static final String CALL_LISTENED = "call.listened";
    public static final String CALL_WHISPERED = "call.whispered";

    private AuditAction() {
    }
}
