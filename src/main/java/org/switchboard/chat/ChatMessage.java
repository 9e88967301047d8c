package org.switchboard.chat;

import java.time.Instant;
import java.util.List;

/**
 * One message of a chat as the thread shows it.
 *
 * @param authorName the agent's name for OUT messages, the customer's (or null) for IN
 * @param delivery   null for incoming and webchat messages, else the outbox state
 */
public record ChatMessage(long id, long contactId, Direction direction, String body, String authorName, Instant sentAt,
        Delivery delivery, List<Attachment> attachments) {

    /** An image that came with the message; its bytes are read through {@link ChatService#attachmentContent}. */
    public record Attachment(long id, String contentType, String fileName, int sizeBytes) {
    }
}
