package org.switchboard.chat.data;

import static org.switchboard.chat.data.ChatStore.ts;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.switchboard.chat.PastChats.PastChat;

/** Bulk inserts of past chats; see {@link org.switchboard.chat.PastChats}. */
@Repository
public class PastChatStore {

    private final JdbcTemplate jdbc;

    PastChatStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Conversations, messages and tags, each in JDBC batches; a conversation awaits since its last message. */
    public void insert(List<PastChat> chats) {
        jdbc.batchUpdate("""
                INSERT INTO chat_conversation (contact_id, awaiting, awaiting_since, last_message_at, last_message)
                VALUES (?, ?, ?, ?, ?)""", chats.stream().map(c -> new Object[] {c.contactId(), c.awaiting().name(),
                ts(c.lastMessageAt()), ts(c.lastMessageAt()), c.messages().getLast().body()}).toList());
        jdbc.batchUpdate("INSERT INTO chat_message (contact_id, direction, body, author_id, sent_at) VALUES (?, ?, ?, ?, ?)",
                chats.stream().flatMap(c -> c.messages().stream().map(m -> new Object[] {c.contactId(), m.direction().name(),
                        m.body(), m.authorId(), ts(m.sentAt())})).toList());
        jdbc.batchUpdate("INSERT INTO chat_tag (contact_id, tag) VALUES (?, ?)",
                chats.stream().map(c -> new Object[] {c.contactId(), c.tag()}).toList());
    }
}
