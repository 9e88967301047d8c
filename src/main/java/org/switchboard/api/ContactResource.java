package org.switchboard.api;

import java.time.Instant;

import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.Outcome;
import org.switchboard.contact.WrapUpEndedBy;

/** A contact in API responses. */
record ContactResource(long id, ContactType type, Channel channel, String queue, ContactState state, Outcome outcome,
        String customerName, String customerAddress, String agent, Instant createdAt, Instant offeredAt,
        Instant offerExpiresAt, Instant answeredAt, Instant connectedAt, Instant endedAt, Instant wrapUpEndsAt,
        Instant wrapUpEndedAt, WrapUpEndedBy wrapUpEndedBy, Instant closedAt) {

    static ContactResource of(ContactView c) {
        return new ContactResource(c.id(), c.type(), c.channel(), c.queueName(), c.state(), c.outcome(), c.customerName(),
                c.customerAddress(), c.agentUsername(), c.createdAt(), c.offeredAt(), c.offerExpiresAt(), c.answeredAt(),
                c.connectedAt(), c.endedAt(), c.wrapUpEndsAt(), c.wrapUpEndedAt(), c.wrapUpEndedBy(), c.closedAt());
    }
}
