package org.switchboard.agent;

/** The global "Agent status" menu: acts on every queue at once. */
public enum GlobalAction {
    /** Resume every queue the agent is logged in to. */
    READY,
    /** Pause every queue the agent is logged in to, with a reason. */
    PAUSE,
    /** Leave every queue. */
    LOGOUT
}
