package org.switchboard.chat;

/**
 * A message was added to a chat (published after commit).
 *
 * @param agentId the agent holding the chat, or null while it waits in the queue
 */
public record ChatMessagePosted(long contactId, long queueId, Long agentId, Direction direction, long messageId,
        String customer, String preview) {
}
