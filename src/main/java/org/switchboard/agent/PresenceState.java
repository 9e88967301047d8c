package org.switchboard.agent;

/** An agent's state in one queue (the card's "My Status"). */
public enum PresenceState {
    LOGGED_OUT, READY, PAUSED
}
