package org.switchboard.dispatch.data;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The routing engine's reads and row locks. Candidates are read without locks; a claim then locks
 * the contact and the agent with SKIP LOCKED, so two nodes never claim the same row.
 */
@Repository
public class DispatchQueries {

    private final JdbcClient jdbc;

    DispatchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Candidate(long contactId, long queueId, boolean chat, int offerTimeoutSeconds, int chatCapacity) {
    }

    /** Queues where some agent is ready (and, for calls, idle): only those can take a contact now. */
    public List<Long> queuesWithAvailableAgents() {
        return jdbc.sql("""
                SELECT DISTINCT s.queue_id FROM agent_queue_status s
                JOIN agent_presence p ON p.user_id = s.user_id
                JOIN queue q ON q.id = s.queue_id
                WHERE s.state = 'READY' AND (p.activity = 'IDLE' OR q.kind = 'CHAT')""").query(Long.class).list();
    }

    /** Waiting contacts of those queues: higher queue priority first, then the longest waiting. */
    public List<Candidate> waitingContacts(Collection<Long> queueIds, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.queue_id, c.type, q.offer_timeout_seconds, q.chat_capacity
                FROM contact c JOIN queue q ON q.id = c.queue_id
                WHERE c.state = 'QUEUED' AND c.queue_id IN (:queues)
                ORDER BY q.priority DESC, c.queued_at, c.id
                LIMIT :limit""").param("queues", queueIds).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("queue_id"), "CHAT".equals(rs.getString("type")),
                        rs.getInt("offer_timeout_seconds"), rs.getInt("chat_capacity")))
                .list();
    }

    public boolean isWaiting(long contactId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ? AND state = 'QUEUED'").param(contactId)
                .query(Integer.class).single() > 0;
    }

    /** Locks the contact if it still waits and no other transaction holds it. */
    public boolean lockWaiting(long contactId) {
        return jdbc.sql("SELECT id FROM contact WHERE id = ? AND state = 'QUEUED' FOR UPDATE SKIP LOCKED")
                .param(contactId).query(Long.class).optional().isPresent();
    }

    /** The ready, idle agent of the queue idle the longest, locked. */
    public Optional<Long> lockLongestIdleVoiceAgent(long queueId) {
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = ? AND s.state = 'READY'
                WHERE p.activity = 'IDLE'
                ORDER BY p.idle_since, p.user_id
                LIMIT 1 FOR UPDATE SKIP LOCKED""").param(queueId).query(Long.class).optional();
    }

    /** Whether the queue has a ready agent that could take this contact, ignoring row locks. */
    public boolean hasAvailableAgent(long queueId, boolean chat) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM agent_queue_status s JOIN agent_presence p ON p.user_id = s.user_id
                WHERE s.queue_id = ? AND s.state = 'READY' AND (? OR p.activity = 'IDLE')""")
                .params(queueId, chat).query(Integer.class).single() > 0;
    }

    /** The ready agent of the chat queue with the fewest open chats (then idle the longest) below capacity, locked. */
    public Optional<Long> lockChatAgent(long queueId, int capacity) {
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = ? AND s.state = 'READY'
                WHERE (SELECT COUNT(*) FROM contact c WHERE c.agent_id = p.user_id AND c.type = 'CHAT'
                       AND c.state IN ('OFFERED','CONNECTED','WRAP_UP')) < ?
                ORDER BY (SELECT COUNT(*) FROM contact c WHERE c.agent_id = p.user_id AND c.type = 'CHAT'
                          AND c.state IN ('OFFERED','CONNECTED','WRAP_UP')), p.idle_since, p.user_id
                LIMIT 1 FOR UPDATE SKIP LOCKED""").params(queueId, capacity).query(Long.class).optional();
    }
}
