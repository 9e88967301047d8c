package org.switchboard.chat;

/** Where an agent's reply to an SMS, Facebook or Instagram chat stands in the outbox. */
public enum Delivery {
    QUEUED, SENT, FAILED
}
