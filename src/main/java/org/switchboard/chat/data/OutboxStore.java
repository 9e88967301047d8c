package org.switchboard.chat.data;

import static org.switchboard.chat.data.ChatStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.chat.ChannelSender.OutgoingMessage;
import org.switchboard.contact.Channel;

/** Replies waiting for their channel's sender. */
@Repository
public class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Due(long id, int attempts, OutgoingMessage message) {
    }

    /** Queues a reply under a delivery id of its own, which every attempt hands to the sender. */
    public void enqueue(long messageId, Channel channel, String recipient, Instant at) {
        jdbc.sql("""
                INSERT INTO chat_outbox (message_id, delivery_id, channel, recipient, state, next_attempt_at)
                VALUES (?, ?, ?, ?, 'QUEUED', ?)""")
                .params(messageId, UUID.randomUUID().toString(), channel.name(), recipient, ts(at)).update();
    }

    /** Due entries, locked; rows another node is delivering are skipped. */
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.attempts, o.message_id, o.delivery_id, m.contact_id, o.channel, o.recipient, m.body
                FROM chat_outbox o JOIN chat_message m ON m.id = o.message_id
                WHERE o.state = 'QUEUED' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(ts(now), limit)
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getInt("attempts"), new OutgoingMessage(rs.getLong("message_id"),
                        rs.getString("delivery_id"), rs.getLong("contact_id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"), rs.getString("body")))).list();
    }

    public void sent(long id, Instant at) {
        jdbc.sql("UPDATE chat_outbox SET state = 'SENT', attempts = attempts + 1, sent_at = ?, next_attempt_at = NULL, last_error = NULL WHERE id = ?")
                .params(ts(at), id).update();
    }

    /** A failed attempt: retried at {@code retryAt}, or FAILED for good when that is null. */
    public void failed(long id, String error, Instant retryAt) {
        jdbc.sql("UPDATE chat_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, state = ? WHERE id = ?")
                .params(error, ts(retryAt), retryAt == null ? "FAILED" : "QUEUED", id).update();
    }
}
