package org.switchboard.agent;

/**
 * Why an agent is paused. System reasons are set by the routing engine itself (missed offers,
 * disconnected) and cannot be removed.
 */
public record PauseReason(long id, String name, boolean active, boolean systemReason, int version) {

    public static final String MISSED_OFFERS = "Missed offers";
    public static final String DISCONNECTED = "Disconnected";
}
