package org.switchboard.api;

import java.time.Instant;

import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.Direction;

/** A chat message in API responses. */
record MessageResource(long id, long contactId, Direction direction, String text, Instant sentAt) {

    static MessageResource of(ChatMessage m) {
        return new MessageResource(m.id(), m.contactId(), m.direction(), m.body(), m.sentAt());
    }
}
