package org.switchboard.contact;

import java.time.Duration;
import java.time.Instant;

/**
 * A contact as screens and the API show it.
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

    /** Accepted and dialing the customer, not yet connected. */
    public boolean ringing() {
        return state == ContactState.CONNECTED && connectedAt == null;
    }

    public Duration waited(Instant now) {
        Instant until = answeredAt != null ? answeredAt : endedAt != null ? endedAt : now;
        return Duration.between(queuedAt != null ? queuedAt : createdAt, until);
    }
}
