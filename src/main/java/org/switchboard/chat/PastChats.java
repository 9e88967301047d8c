package org.switchboard.chat;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.data.PastChatStore;
import org.switchboard.common.Unrestricted;

/**
 * Conversations of past chats written in bulk (the demo's history), in JDBC batches, after their
 * contacts (through {@link org.switchboard.contact.PastContacts}). Called inside the importer's
 * transaction (MANDATORY).
 */
@Service
@Unrestricted("the demo data at start-up, inside its transaction; it writes the history of ended chats only")
public class PastChats {

    /** An ended chat's conversation: whose turn it was last, its messages, oldest first, and its tag. */
    public record PastChat(long contactId, Awaiting awaiting, Instant lastMessageAt, List<PastMessage> messages, String tag) {
    }

    /** A message of a past chat; {@code authorId} is the agent's for an outgoing one. */
    public record PastMessage(Direction direction, String body, Long authorId, Instant sentAt) {
    }

    private final PastChatStore store;

    PastChats(PastChatStore store) {
        this.store = store;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<PastChat> chats) {
        store.insert(chats);
    }
}
