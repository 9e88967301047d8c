package org.switchboard.contact;

import java.time.Duration;
import java.time.Instant;

/**
 * A contact as screens and the API show it.
 *
 * <p>{@code queueName} and {@code agentUsername} come from the queue and security modules: the reads for
 * screens ({@link ContactService#get}, {@code currentContactsOf}, {@code waiting}) and
 * {@link ContactService#named} fill them; a life-cycle step returns the contact without them (null), so
 * the routing engine's and the agents' steps read no other module's rows.
 *
 * @param connectAt   for callbacks and campaign calls: the customer's phone rings until then
 * @param hangupAt    the call ends by itself then ("play recording and hang up")
 */
public record ContactView(long id, ContactType type, Channel channel, Long queueId, String queueName,
        ContactState state, Outcome outcome, String customerName, String customerAddress, Long agentId,
        String agentUsername, Long sourceContactId, Instant createdAt, Instant queuedAt, Instant offeredAt,
        Instant offerExpiresAt, Instant answeredAt, Instant connectAt, Instant connectedAt, Instant hangupAt,
        Instant endedAt, Instant wrapUpEndsAt, boolean wrapUpExtended, Instant wrapUpEndedAt,
        WrapUpEndedBy wrapUpEndedBy, Instant closedAt) {

    /** This contact with its queue's name and its agent's username, as their owners answer them. */
    ContactView withNames(String queue, String agentName) {
        return new ContactView(id, type, channel, queueId, queue, state, outcome, customerName, customerAddress, agentId,
                agentName, sourceContactId, createdAt, queuedAt, offeredAt, offerExpiresAt, answeredAt, connectAt,
                connectedAt, hangupAt, endedAt, wrapUpEndsAt, wrapUpExtended, wrapUpEndedAt, wrapUpEndedBy, closedAt);
    }

    /** Accepted and dialing the customer, not yet connected. */
    public boolean ringing() {
        return state == ContactState.CONNECTED && connectedAt == null;
    }

    /*
     * The contact after a life-cycle step, as the step's UPDATE leaves the row: the service returns and
     * publishes these instead of reading the row again. Instants are whole milliseconds, as stored.
     */

    ContactView accepted(Instant now, Instant connectAt) {
        return new ContactView(id, type, channel, queueId, queueName, ContactState.CONNECTED, outcome, customerName,
                customerAddress, agentId, agentUsername, sourceContactId, createdAt, queuedAt, offeredAt, null, now,
                connectAt, connectAt == null ? now : null, hangupAt, endedAt, wrapUpEndsAt, wrapUpExtended,
                wrapUpEndedAt, wrapUpEndedBy, closedAt);
    }

    ContactView talkEnded(Instant now, Instant wrapUpEnds) {
        return new ContactView(id, type, channel, queueId, queueName, ContactState.WRAP_UP, outcome, customerName,
                customerAddress, agentId, agentUsername, sourceContactId, createdAt, queuedAt, offeredAt, offerExpiresAt,
                answeredAt, null, connectedAt, null, now, wrapUpEnds, wrapUpExtended, wrapUpEndedAt, wrapUpEndedBy,
                closedAt);
    }

    ContactView wrapUpEnded(Outcome result, Instant now, WrapUpEndedBy by) {
        return new ContactView(id, type, channel, queueId, queueName, ContactState.ENDED, result, customerName,
                customerAddress, agentId, agentUsername, sourceContactId, createdAt, queuedAt, offeredAt, offerExpiresAt,
                answeredAt, connectAt, connectedAt, hangupAt, endedAt, null, wrapUpExtended, now, by, now);
    }

    public Duration waited(Instant now) {
        Instant until = answeredAt != null ? answeredAt : endedAt != null ? endedAt : now;
        return Duration.between(queuedAt != null ? queuedAt : createdAt, until);
    }
}
