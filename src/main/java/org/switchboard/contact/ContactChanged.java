package org.switchboard.contact;

/**
 * Published after commit on every state change of a contact.
 *
 * @param agentId the agent offered or holding the contact, or null
 */
public record ContactChanged(long contactId, ContactType type, Long queueId, Long agentId, ContactState state,
        Outcome outcome) {

    /** A contact waiting for an agent: the dispatcher has work. */
    public boolean waiting() {
        return state == ContactState.QUEUED;
    }

    /** A chat that ended frees a place within its agent's chat capacity. */
    public boolean freesChatCapacity() {
        return type == ContactType.CHAT && state == ContactState.ENDED && agentId != null;
    }
}
