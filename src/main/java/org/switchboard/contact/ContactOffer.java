package org.switchboard.contact;

/** A waiting contact the dispatcher offers to an agent, with what it knows of both. */
public record ContactOffer(long contactId, ContactType type, long queueId, long agentId, int timeoutSeconds) {
}
