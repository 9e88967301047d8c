package org.switchboard.chat;

/** IN from the customer, OUT from the agent. */
public enum Direction {
    IN, OUT
}
