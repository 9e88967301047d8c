package org.switchboard.dispatch.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.contact.ContactType;

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

    public record Candidate(long contactId, long queueId, ContactType type, int offerTimeoutSeconds, int chatCapacity) {

        public boolean chat() {
            return type == ContactType.CHAT;
        }
    }

    /**
     * Queues where some agent is ready (and, for calls, idle), with how many contacts each could
     * take now at most: its idle agents for calls, ready agents times the chat capacity for chats.
     * An agent in several queues counts in each, so the dispatcher treats the figure as a bound.
     */
    public Map<Long, Integer> freePlacesByQueue() {
        Map<Long, Integer> places = new HashMap<>();
        jdbc.sql("""
                SELECT s.queue_id, COUNT(*) * CASE WHEN q.kind = 'CHAT' THEN q.chat_capacity ELSE 1 END AS places
                FROM agent_queue_status s
                JOIN agent_presence p ON p.user_id = s.user_id
                JOIN queue q ON q.id = s.queue_id
                WHERE s.state = 'READY' AND (p.activity = 'IDLE' OR q.kind = 'CHAT')
                GROUP BY s.queue_id, q.kind, q.chat_capacity""")
                .query(rs -> {
                    places.put(rs.getLong(1), rs.getInt(2));
                });
        return places;
    }

    /** Waiting contacts of those queues: higher queue priority first, then the longest waiting. */
    public List<Candidate> waitingContacts(Collection<Long> queueIds, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.queue_id, c.type, q.offer_timeout_seconds, q.chat_capacity
                FROM contact c JOIN queue q ON q.id = c.queue_id
                WHERE c.state = 'QUEUED' AND c.queue_id IN (:queues)
                ORDER BY q.priority DESC, c.queued_at, c.id
                LIMIT :limit""").param("queues", queueIds).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("queue_id"), ContactType.valueOf(rs.getString("type")),
                        rs.getInt("offer_timeout_seconds"), rs.getInt("chat_capacity")))
                .list();
    }

    /** Those of the contacts that still wait, without locking them. */
    public Set<Long> stillWaiting(Collection<Long> contactIds) {
        return new HashSet<>(jdbc.sql("SELECT id FROM contact WHERE id IN (:ids) AND state = 'QUEUED'")
                .param("ids", contactIds).query(Long.class).list());
    }

    /** Locks those of the contacts that still wait and that no other transaction holds. */
    public Set<Long> lockWaiting(Collection<Long> contactIds) {
        return new HashSet<>(jdbc.sql("SELECT id FROM contact WHERE id IN (:ids) AND state = 'QUEUED' FOR UPDATE SKIP LOCKED")
                .param("ids", contactIds).query(Long.class).list());
    }

    /**
     * The ready, idle agent of the queue idle the longest, locked, passing over the agents this
     * transaction already chose (still idle in the table until the batch marks them offered).
     */
    public Optional<Long> lockLongestIdleVoiceAgent(long queueId, Collection<Long> chosen) {
        String notChosen = chosen.isEmpty() ? "" : "AND p.user_id NOT IN (:chosen)";
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = :queue AND s.state = 'READY'
                WHERE p.activity = 'IDLE' %s
                ORDER BY p.idle_since, p.user_id
                LIMIT 1 FOR UPDATE SKIP LOCKED""".formatted(notChosen)).param("queue", queueId).param("chosen", chosen)
                .query(Long.class).optional();
    }

    /** Whether the queue has a ready, idle agent besides those chosen, ignoring row locks. */
    public boolean hasIdleVoiceAgent(long queueId, Collection<Long> chosen) {
        String notChosen = chosen.isEmpty() ? "" : "AND s.user_id NOT IN (:chosen)";
        return jdbc.sql("""
                SELECT COUNT(*) FROM agent_queue_status s JOIN agent_presence p ON p.user_id = s.user_id
                WHERE s.queue_id = :queue AND s.state = 'READY' AND p.activity = 'IDLE' %s""".formatted(notChosen))
                .param("queue", queueId).param("chosen", chosen).query(Integer.class).single() > 0;
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
