package org.switchboard.chat;

/** The outbox handed a reply to its channel, or gave up on it (published after commit). */
public record ReplyDeliveryChanged(long contactId, Long agentId, long messageId, Delivery delivery) {
}
