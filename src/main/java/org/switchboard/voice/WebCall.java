package org.switchboard.voice;

import java.time.Instant;

import org.switchboard.contact.ContactState;

/**
 * A web call as the caller sees it.
 *
 * @param connectedAt when the agent answered, or null
 * @param endedAt     when the talk (or the wait) ended, or null
 */
public record WebCall(long contactId, String queueName, ContactState state, Instant createdAt, Instant connectedAt,
        Instant endedAt) {

    static WebCall of(org.switchboard.contact.ContactView call) {
        return new WebCall(call.id(), call.queueName(), call.state(), call.createdAt(), call.connectedAt(), call.endedAt());
    }

    public boolean waiting() {
        return state == ContactState.QUEUED || state == ContactState.OFFERED;
    }

    public boolean connected() {
        return state == ContactState.CONNECTED;
    }

    /** Over for the caller: the agent may still be in wrap-up. */
    public boolean ended() {
        return state == ContactState.WRAP_UP || state == ContactState.ENDED;
    }
}
