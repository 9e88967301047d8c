package org.switchboard.chat;

/** Whose reply a conversation waits for. */
public enum Awaiting {
    AGENT, CUSTOMER
}
