package org.switchboard.agent;

/** What an agent is doing with voice contacts; one call at a time. */
public enum Activity {
    IDLE, OFFERED, ON_CONTACT, WRAP_UP
}
