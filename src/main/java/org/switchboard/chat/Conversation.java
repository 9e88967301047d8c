package org.switchboard.chat;

import java.time.Instant;
import java.util.List;

import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;

/** A chat as the conversation list shows it: channel bubble, queue, customer, last message, unread count. */
public record Conversation(long contactId, Channel channel, long queueId, String queueName, String customerName,
        String customerAddress, ContactState state, Long agentId, String lastMessage, Instant lastMessageAt,
        int unread, Awaiting awaiting, Instant awaitingSince, Instant createdAt, Instant closedAt, List<String> tags) {

    public String customer() {
        return customerName != null ? customerName : customerAddress;
    }

    public boolean active() {
        return state == ContactState.CONNECTED;
    }
}
