package org.switchboard.chat.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.chat.Awaiting;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.Delivery;
import org.switchboard.chat.Direction;
import org.switchboard.contact.Channel;

/**
 * The chat tables: conversations, messages with their images, read marks and tags. The contact's
 * part of a chat (channel, queue, customer, state, agent) comes from the contact module's ChatContacts.
 */
@Repository
public class ChatStore {

    /** The conversation's own columns, the reader's unread count and the tags; the contact's come from the contact module. */
    private static final String CONVERSATION = """
            SELECT v.contact_id, v.last_message, v.last_message_at, v.awaiting, v.awaiting_since,
                   (SELECT COUNT(*) FROM chat_message m WHERE m.contact_id = v.contact_id AND m.direction = 'IN'
                       AND m.id > COALESCE((SELECT r.last_read_id FROM chat_read r WHERE r.contact_id = v.contact_id AND r.user_id = :reader), 0)) AS unread,
                   (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag SEPARATOR '\\n') FROM chat_tag t WHERE t.contact_id = v.contact_id) AS tags
            FROM chat_conversation v WHERE v.contact_id IN (:ids)""";

    /** A conversation's own part, as {@code reader} sees it (its unread count). */
    public record ConversationRow(long contactId, String lastMessage, Instant lastMessageAt, int unread, Awaiting awaiting,
            Instant awaitingSince, List<String> tags) {
    }

    /** A message with its author's id; the author's name comes from its owner (the agent's user, or the contact's customer). */
    public record MessageRow(long id, long contactId, Direction direction, String body, Long authorId, Instant sentAt,
            Delivery delivery, List<ChatMessage.Attachment> attachments) {
    }

    private final JdbcClient jdbc;

    ChatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertConversation(long contactId, Instant at, String tokenHash) {
        jdbc.sql("""
                INSERT INTO chat_conversation (contact_id, awaiting, awaiting_since, last_message_at, last_message, webchat_token_hash)
                VALUES (?, 'AGENT', ?, ?, '', ?)""").params(contactId, ts(at), ts(at), tokenHash).update();
    }

    public long insertMessage(long contactId, Direction direction, String body, Long authorId, Instant at, String externalId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO chat_message (contact_id, direction, body, author_id, sent_at, external_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(contactId, direction.name(), body, authorId, ts(at), externalId).update(keys, "id");
        long id = keys.getKey().longValue();
        // A customer's message makes the agent owe a reply (counted from the first unanswered one);
        // an agent's reply hands the turn to the customer.
        jdbc.sql("""
                UPDATE chat_conversation SET
                    awaiting_since = CASE WHEN ? = 'OUT' OR awaiting = 'CUSTOMER' THEN ? ELSE awaiting_since END,
                    awaiting = CASE WHEN ? = 'IN' THEN 'AGENT' ELSE 'CUSTOMER' END,
                    last_message_at = ?, last_message = ?
                WHERE contact_id = ?""")
                .params(direction.name(), ts(at), direction.name(), ts(at), preview(body), contactId).update();
        return id;
    }

    public void insertAttachment(long messageId, String contentType, String fileName, byte[] content) {
        jdbc.sql("INSERT INTO chat_attachment (message_id, content_type, file_name, size_bytes, content) VALUES (?, ?, ?, ?, ?)")
                .params(messageId, contentType, fileName, content.length, content).update();
    }

    /** The chat a provider's message went to, if it was stored before. */
    public Optional<Long> contactOfMessage(String externalId) {
        return jdbc.sql("SELECT contact_id FROM chat_message WHERE external_id = ?").param(externalId).query(Long.class).optional();
    }

    /**
     * Takes the customer's lock row (made on first use) until the transaction ends. The upsert locks the
     * row exclusively at once, so waiters queue up without the shared-then-exclusive lock of a plain
     * insert-or-select, which deadlocks when three arrive together.
     */
    public void lockCustomer(Channel channel, String address) {
        jdbc.sql("INSERT INTO chat_customer_lock (channel, address) VALUES (?, ?) ON DUPLICATE KEY UPDATE channel = channel")
                .params(channel.name(), address).update();
    }

    public Optional<Long> contactOfToken(String tokenHash) {
        return jdbc.sql("SELECT contact_id FROM chat_conversation WHERE webchat_token_hash = ?").param(tokenHash)
                .query(Long.class).optional();
    }

    /** The conversations of these chats as {@code readerId} sees them, by contact id. */
    public Map<Long, ConversationRow> conversations(Collection<Long> contactIds, long readerId) {
        Map<Long, ConversationRow> rows = new HashMap<>();
        if (contactIds.isEmpty()) {
            return rows;
        }
        jdbc.sql(CONVERSATION).param("reader", readerId).param("ids", contactIds).query(rs -> {
            String tags = rs.getString("tags");
            rows.put(rs.getLong("contact_id"), new ConversationRow(rs.getLong("contact_id"), rs.getString("last_message"),
                    instant(rs, "last_message_at"), rs.getInt("unread"), Awaiting.valueOf(rs.getString("awaiting")),
                    instant(rs, "awaiting_since"), tags == null ? List.of() : List.of(tags.split("\n"))));
        });
        return rows;
    }

    /** The chats that carry this tag. */
    public List<Long> tagged(String tag) {
        return jdbc.sql("SELECT contact_id FROM chat_tag WHERE tag = ?").param(tag).query(Long.class).list();
    }

    public List<MessageRow> messages(long contactId) {
        Map<Long, List<ChatMessage.Attachment>> attachments = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.message_id, a.content_type, a.file_name, a.size_bytes FROM chat_attachment a
                JOIN chat_message m ON m.id = a.message_id WHERE m.contact_id = ? ORDER BY a.id""").param(contactId)
                .query((rs, row) -> attachments.computeIfAbsent(rs.getLong("message_id"), id -> new ArrayList<>())
                        .add(new ChatMessage.Attachment(rs.getLong("id"), rs.getString("content_type"),
                                rs.getString("file_name"), rs.getInt("size_bytes")))).list();
        return jdbc.sql("""
                SELECT m.id, m.contact_id, m.direction, m.body, m.author_id, m.sent_at, o.state AS delivery
                FROM chat_message m LEFT JOIN chat_outbox o ON o.message_id = m.id
                WHERE m.contact_id = ? ORDER BY m.id""").param(contactId)
                .query((rs, row) -> new MessageRow(rs.getLong("id"), rs.getLong("contact_id"),
                        Direction.valueOf(rs.getString("direction")), rs.getString("body"),
                        (Long) rs.getObject("author_id", Long.class),
                        instant(rs, "sent_at"), rs.getString("delivery") == null ? null : Delivery.valueOf(rs.getString("delivery")),
                        attachments.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    public long lastIncomingId(long contactId) {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM chat_message WHERE contact_id = ? AND direction = 'IN'")
                .param(contactId).query(Long.class).single();
    }

    public void markRead(long contactId, long userId, long lastReadId) {
        jdbc.sql("""
                INSERT INTO chat_read (contact_id, user_id, last_read_id) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE last_read_id = GREATEST(last_read_id, VALUE(last_read_id))""")
                .params(contactId, userId, lastReadId).update();
    }

    /** How many of these chats have customer messages {@code readerId} has not read. */
    public int unreadAmong(Collection<Long> contactIds, long readerId) {
        if (contactIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT COUNT(*) FROM chat_conversation v
                WHERE v.contact_id IN (:ids)
                  AND EXISTS (SELECT 1 FROM chat_message m WHERE m.contact_id = v.contact_id AND m.direction = 'IN'
                      AND m.id > COALESCE((SELECT r.last_read_id FROM chat_read r WHERE r.contact_id = v.contact_id AND r.user_id = :reader), 0))""")
                .param("ids", contactIds).param("reader", readerId).query(Integer.class).single();
    }

    public boolean addTag(long contactId, String tag) {
        return jdbc.sql("INSERT IGNORE INTO chat_tag (contact_id, tag) VALUES (?, ?)").params(contactId, tag).update() == 1;
    }

    public boolean removeTag(long contactId, String tag) {
        return jdbc.sql("DELETE FROM chat_tag WHERE contact_id = ? AND tag = ?").params(contactId, tag).update() == 1;
    }

    public List<String> tagsInUse() {
        return jdbc.sql("SELECT DISTINCT tag FROM chat_tag ORDER BY tag").query(String.class).list();
    }

    /** Whose turn it is in each of these chats, and since when. */
    public List<Turn> turns(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT contact_id, awaiting, awaiting_since FROM chat_conversation WHERE contact_id IN (:ids)")
                .param("ids", contactIds).query((rs, row) -> new Turn(rs.getLong("contact_id"),
                        Awaiting.valueOf(rs.getString("awaiting")), instant(rs, "awaiting_since"))).list();
    }

    public record Turn(long contactId, Awaiting awaiting, Instant since) {
    }

    public record AttachmentRow(long contactId, String contentType, String fileName, int sizeBytes) {
    }

    public Optional<AttachmentRow> attachment(long attachmentId) {
        return jdbc.sql("""
                SELECT m.contact_id, a.content_type, a.file_name, a.size_bytes FROM chat_attachment a
                JOIN chat_message m ON m.id = a.message_id WHERE a.id = ?""")
                .param(attachmentId).query((rs, row) -> new AttachmentRow(rs.getLong("contact_id"),
                        rs.getString("content_type"), rs.getString("file_name"), rs.getInt("size_bytes"))).optional();
    }

    /** The image's bytes (at most {@code switchboard.chat.max-attachment-bytes}). */
    public byte[] attachmentContent(long attachmentId) {
        return jdbc.sql("SELECT content FROM chat_attachment WHERE id = ?").param(attachmentId)
                .query((rs, row) -> rs.getBytes("content")).single();
    }

    public Optional<Boolean> messageTone(long userId) {
        return jdbc.sql("SELECT message_tone FROM chat_preference WHERE user_id = ?").param(userId).query(Boolean.class).optional();
    }

    public void setMessageTone(long userId, boolean on) {
        jdbc.sql("INSERT INTO chat_preference (user_id, message_tone) VALUES (?, ?) ON DUPLICATE KEY UPDATE message_tone = VALUE(message_tone)")
                .params(userId, on).update();
    }

    private static String preview(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 199) + "…" : flat;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
