package org.switchboard.voice;

/** The two ends of a web call. */
public enum Party {
    /** the customer on the caller page */
    CALLER,
    /** the agent's softphone */
    AGENT
}
