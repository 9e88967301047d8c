package org.switchboard.agent.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.agent.AgentAvailability.ReadyAgent;
import org.switchboard.agent.AgentAvailability.ReadyCount;

/** The routing engine's reads and row locks on ready agents; see {@link org.switchboard.agent.AgentAvailability}. */
@Repository
public class AvailabilityQueries {

    private final JdbcClient jdbc;

    AvailabilityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, ReadyCount> readyByQueue() {
        Map<Long, ReadyCount> counts = new HashMap<>();
        jdbc.sql("""
                SELECT s.queue_id, COUNT(*) AS ready, SUM(p.activity = 'IDLE') AS idle
                FROM agent_queue_status s JOIN agent_presence p ON p.user_id = s.user_id
                WHERE s.state = 'READY'
                GROUP BY s.queue_id""")
                .query(rs -> {
                    counts.put(rs.getLong(1), new ReadyCount(rs.getInt(2), rs.getInt(3)));
                });
        return counts;
    }

    public Map<Long, Integer> loggedInByQueue(Collection<Long> queueIds) {
        Map<Long, Integer> result = new HashMap<>();
        jdbc.sql("SELECT queue_id, COUNT(*) FROM agent_queue_status WHERE queue_id IN (:ids) AND state IN ('READY','PAUSED') GROUP BY queue_id")
                .param("ids", queueIds).query(rs -> {
                    result.put(rs.getLong(1), rs.getInt(2));
                });
        return result;
    }

    public Optional<Long> lockLongestIdle(long queueId, Collection<Long> passOver) {
        String notChosen = passOver.isEmpty() ? "" : "AND p.user_id NOT IN (:chosen)";
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = :queue AND s.state = 'READY'
                WHERE p.activity = 'IDLE' %s
                ORDER BY p.idle_since, p.user_id
                LIMIT 1 FOR UPDATE SKIP LOCKED""".formatted(notChosen)).param("queue", queueId).param("chosen", passOver)
                .query(Long.class).optional();
    }

    public boolean hasIdle(long queueId, Collection<Long> passOver) {
        String notChosen = passOver.isEmpty() ? "" : "AND s.user_id NOT IN (:chosen)";
        return jdbc.sql("""
                SELECT COUNT(*) FROM agent_queue_status s JOIN agent_presence p ON p.user_id = s.user_id
                WHERE s.queue_id = :queue AND s.state = 'READY' AND p.activity = 'IDLE' %s""".formatted(notChosen))
                .param("queue", queueId).param("chosen", passOver).query(Integer.class).single() > 0;
    }

    public List<ReadyAgent> readyIn(long queueId) {
        return jdbc.sql("""
                SELECT p.user_id, p.idle_since FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = ? AND s.state = 'READY'""")
                .param(queueId).query((rs, n) -> {
                    Timestamp idle = rs.getTimestamp(2);
                    return new ReadyAgent(rs.getLong(1), idle == null ? null : idle.toInstant());
                }).list();
    }

    public boolean lockIfReady(long userId, long queueId) {
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                JOIN agent_queue_status s ON s.user_id = p.user_id AND s.queue_id = ? AND s.state = 'READY'
                WHERE p.user_id = ? FOR UPDATE SKIP LOCKED""").params(queueId, userId).query(Long.class).optional().isPresent();
    }

    public Set<Long> silentSince(Collection<Long> userIds, Instant since) {
        return new HashSet<>(jdbc.sql("""
                SELECT user_id FROM agent_presence
                WHERE user_id IN (:users) AND (last_seen_at IS NULL OR last_seen_at < :since)""")
                .param("users", userIds).param("since", Timestamp.from(since)).query(Long.class).list());
    }
}
