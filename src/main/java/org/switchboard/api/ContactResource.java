package org.switchboard.api;

import java.time.Instant;

import org.switchboard.agent.AgentStatusService;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.Outcome;
import org.switchboard.contact.WrapUpEndedBy;

/**
 * A contact in API responses.
 *
 * @param line for a call offered to or held by an agent: the agent's line, the device the telephony side rings;
 *             none for a direct call, which rings the extension it was dialed to
 */
record ContactResource(long id, ContactType type, Channel channel, String queue, ContactState state, Outcome outcome,
        String customerName, String customerAddress, String agent, String line, Instant createdAt, Instant offeredAt,
        Instant offerExpiresAt, Instant answeredAt, Instant connectedAt, Instant endedAt, Instant wrapUpEndsAt,
        Instant wrapUpEndedAt, WrapUpEndedBy wrapUpEndedBy, Instant closedAt) {

    static ContactResource of(ContactView c, AgentStatusService agents) {
        boolean ringsAgent = c.agentId() != null && c.type().usesChosenLine()
                && (c.state() == ContactState.OFFERED || c.state() == ContactState.CONNECTED);
        return new ContactResource(c.id(), c.type(), c.channel(), c.queueName(), c.state(), c.outcome(), c.customerName(),
                c.customerAddress(), c.agentUsername(), ringsAgent ? agents.lineOf(c.agentId()) : null, c.createdAt(), c.offeredAt(), c.offerExpiresAt(), c.answeredAt(),
                c.connectedAt(), c.endedAt(), c.wrapUpEndsAt(), c.wrapUpEndedAt(), c.wrapUpEndedBy(), c.closedAt());
    }
}
