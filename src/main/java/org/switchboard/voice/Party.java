package org.switchboard.voice;

/** Who signals: the two ends of a web call, or an end of a call between two users. */
public enum Party {
    /** the customer on the caller page */
    CALLER,
    /** the agent's softphone in a web call */
    AGENT,
    /** an agent's softphone in a call between two users: the one that calls offers, either answers a new offer */
    COLLEAGUE,
    /** a supervisor listening to (or whispering into) an agent's call, from the drill-down */
    SUPERVISOR
}
