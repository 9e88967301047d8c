package org.switchboard.chat.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.chat.Awaiting;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.Conversation;
import org.switchboard.chat.Delivery;
import org.switchboard.chat.Direction;
import org.switchboard.chat.MessageTone;
import org.switchboard.common.LikePatterns;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;

/**
 * The chat tables: conversations, messages with their images, read marks and tags. The screen
 * queries join the contact row for channel, queue, customer and state.
 */
@Repository
public class ChatStore {

    private static final String CONVERSATION = """
            SELECT c.id, c.channel, c.queue_id, q.name AS queue_name, c.customer_name, c.customer_address, c.state,
                   c.agent_id, c.created_at, c.closed_at, v.last_message, v.last_message_at, v.awaiting, v.awaiting_since,
                   (SELECT COUNT(*) FROM chat_message m WHERE m.contact_id = c.id AND m.direction = 'IN'
                       AND m.id > COALESCE((SELECT r.last_read_id FROM chat_read r WHERE r.contact_id = c.id AND r.user_id = ?), 0)) AS unread,
                   (SELECT GROUP_CONCAT(t.tag ORDER BY t.tag SEPARATOR '\\n') FROM chat_tag t WHERE t.contact_id = c.id) AS tags
            FROM chat_conversation v JOIN contact c ON c.id = v.contact_id JOIN queue q ON q.id = c.queue_id""";

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

    /** The open chat of this customer on this channel and queue, locked, if there is one. */
    public Optional<Long> lockOpenChat(Channel channel, String address, long queueId) {
        return jdbc.sql("""
                SELECT c.id FROM contact c JOIN chat_conversation v ON v.contact_id = c.id
                WHERE c.type = 'CHAT' AND c.channel = ? AND c.customer_address = ? AND c.queue_id = ? AND c.state <> 'ENDED'
                ORDER BY c.id DESC LIMIT 1 FOR UPDATE""").params(channel.name(), address, queueId).query(Long.class).optional();
    }

    public Optional<Long> contactOfToken(String tokenHash) {
        return jdbc.sql("SELECT contact_id FROM chat_conversation WHERE webchat_token_hash = ?").param(tokenHash)
                .query(Long.class).optional();
    }

    public Optional<Conversation> conversation(long contactId, long readerId) {
        return jdbc.sql(CONVERSATION + " WHERE c.id = ?").params(readerId, contactId).query(ChatStore::conversation).optional();
    }

    /** The agent's offered and connected chats, the most recently active first. */
    public List<Conversation> openConversationsOf(long agentId) {
        return jdbc.sql(CONVERSATION + " WHERE c.agent_id = ? AND c.state IN ('OFFERED','CONNECTED') ORDER BY v.last_message_at DESC")
                .params(agentId, agentId).query(ChatStore::conversation).list();
    }

    /** Ended chats, newest first; {@code agentId} and {@code queueIds} restrict when not null. */
    public List<Conversation> history(long readerId, Long agentId, Collection<Long> queueIds, String customer, String tag,
            Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder(CONVERSATION + " WHERE c.state = 'ENDED'");
        List<Object> params = new ArrayList<>(List.of(readerId));
        if (agentId != null) {
            sql.append(" AND c.agent_id = ?");
            params.add(agentId);
        }
        if (queueIds != null) {
            if (queueIds.isEmpty()) {
                return List.of();
            }
            sql.append(" AND c.queue_id IN (").append(String.join(",", queueIds.stream().map(id -> "?").toList())).append(")");
            params.addAll(queueIds);
        }
        if (customer != null) {
            sql.append(" AND (c.customer_name LIKE ? OR c.customer_address LIKE ?)");
            String like = LikePatterns.containing(customer);
            params.add(like);
            params.add(like);
        }
        if (tag != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM chat_tag t WHERE t.contact_id = c.id AND t.tag = ?)");
            params.add(tag);
        }
        if (from != null) {
            sql.append(" AND c.created_at >= ?");
            params.add(ts(from));
        }
        if (to != null) {
            sql.append(" AND c.created_at < ?");
            params.add(ts(to));
        }
        sql.append(" ORDER BY c.created_at DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(ChatStore::conversation).list();
    }

    public List<ChatMessage> messages(long contactId) {
        Map<Long, List<ChatMessage.Attachment>> attachments = new HashMap<>();
        jdbc.sql("""
                SELECT a.id, a.message_id, a.content_type, a.file_name, a.size_bytes FROM chat_attachment a
                JOIN chat_message m ON m.id = a.message_id WHERE m.contact_id = ? ORDER BY a.id""").param(contactId)
                .query((rs, row) -> attachments.computeIfAbsent(rs.getLong("message_id"), id -> new ArrayList<>())
                        .add(new ChatMessage.Attachment(rs.getLong("id"), rs.getString("content_type"),
                                rs.getString("file_name"), rs.getInt("size_bytes")))).list();
        return jdbc.sql("""
                SELECT m.id, m.contact_id, m.direction, m.body, m.sent_at, o.state AS delivery,
                       CASE WHEN m.direction = 'OUT' THEN u.display_name ELSE c.customer_name END AS author
                FROM chat_message m JOIN contact c ON c.id = m.contact_id LEFT JOIN app_user u ON u.id = m.author_id
                LEFT JOIN chat_outbox o ON o.message_id = m.id
                WHERE m.contact_id = ? ORDER BY m.id""").param(contactId)
                .query((rs, row) -> new ChatMessage(rs.getLong("id"), rs.getLong("contact_id"),
                        Direction.valueOf(rs.getString("direction")), rs.getString("body"), rs.getString("author"),
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

    /** How many of the agent's open chats have customer messages it has not read. */
    public int unreadChatsOf(long agentId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM contact c
                WHERE c.agent_id = ? AND c.type = 'CHAT' AND c.state IN ('OFFERED','CONNECTED')
                  AND EXISTS (SELECT 1 FROM chat_message m WHERE m.contact_id = c.id AND m.direction = 'IN'
                      AND m.id > COALESCE((SELECT r.last_read_id FROM chat_read r WHERE r.contact_id = c.id AND r.user_id = ?), 0))""")
                .params(agentId, agentId).query(Integer.class).single();
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

    /** Reply figures of assigned (connected) chats per queue. */
    public Map<Long, Figures> figures(Collection<Long> queueIds) {
        Map<Long, Figures> figures = new LinkedHashMap<>();
        if (queueIds.isEmpty()) {
            return figures;
        }
        jdbc.sql("""
                SELECT c.queue_id, SUM(v.awaiting = 'AGENT') AS awaiting_agent, SUM(v.awaiting = 'CUSTOMER') AS awaiting_customer,
                       MIN(CASE WHEN v.awaiting = 'AGENT' THEN v.awaiting_since END) AS oldest_agent_wait
                FROM chat_conversation v JOIN contact c ON c.id = v.contact_id
                WHERE c.state = 'CONNECTED' AND c.queue_id IN (%s) GROUP BY c.queue_id"""
                .formatted(String.join(",", queueIds.stream().map(id -> "?").toList())))
                .params(List.copyOf(queueIds))
                .query((rs, row) -> figures.put(rs.getLong("queue_id"), new Figures(rs.getInt("awaiting_agent"),
                        rs.getInt("awaiting_customer"), instant(rs, "oldest_agent_wait")))).list();
        return figures;
    }

    public record Figures(int awaitingAgent, int awaitingCustomer, Instant oldestAgentWait) {
    }

    public record AttachmentRow(long contactId, Long agentId, String contentType, String fileName, int sizeBytes) {
    }

    public Optional<AttachmentRow> attachment(long attachmentId) {
        return jdbc.sql("""
                SELECT m.contact_id, c.agent_id, a.content_type, a.file_name, a.size_bytes FROM chat_attachment a
                JOIN chat_message m ON m.id = a.message_id JOIN contact c ON c.id = m.contact_id WHERE a.id = ?""")
                .param(attachmentId).query((rs, row) -> new AttachmentRow(rs.getLong("contact_id"),
                        (Long) rs.getObject("agent_id", Long.class), rs.getString("content_type"), rs.getString("file_name"),
                        rs.getInt("size_bytes"))).optional();
    }

    /** The image's bytes (at most {@code switchboard.chat.max-attachment-bytes}). */
    public byte[] attachmentContent(long attachmentId) {
        return jdbc.sql("SELECT content FROM chat_attachment WHERE id = ?").param(attachmentId)
                .query((rs, row) -> rs.getBytes("content")).single();
    }

    public Optional<MessageTone> messageTone(long userId) {
        return jdbc.sql("SELECT message_tone, tone_sound, tone_volume FROM chat_preference WHERE user_id = ?").param(userId)
                .query((rs, row) -> new MessageTone(rs.getBoolean("message_tone"), MessageTone.Sound.valueOf(rs.getString("tone_sound")),
                        rs.getInt("tone_volume"))).optional();
    }

    public void setMessageTone(long userId, MessageTone tone) {
        jdbc.sql("""
                INSERT INTO chat_preference (user_id, message_tone, tone_sound, tone_volume) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE message_tone = VALUE(message_tone), tone_sound = VALUE(tone_sound), tone_volume = VALUE(tone_volume)""")
                .params(userId, tone.on(), tone.sound().name(), tone.volume()).update();
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        String tags = rs.getString("tags");
        return new Conversation(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getLong("queue_id"),
                rs.getString("queue_name"), rs.getString("customer_name"), rs.getString("customer_address"),
                ContactState.valueOf(rs.getString("state")), (Long) rs.getObject("agent_id", Long.class),
                rs.getString("last_message"), instant(rs, "last_message_at"), rs.getInt("unread"),
                Awaiting.valueOf(rs.getString("awaiting")), instant(rs, "awaiting_since"), instant(rs, "created_at"),
                instant(rs, "closed_at"), tags == null ? List.of() : List.of(tags.split("\n")));
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
