package org.switchboard.agent.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.agent.Activity;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PendingChange;
import org.switchboard.agent.PresenceState;

/** Explicit SQL over agent_presence, agent_queue_status and agent_event. */
@Repository
public class PresenceRepository {

    private final JdbcClient jdbc;

    PresenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PresenceRow(long userId, Activity activity, Instant activitySince, Instant idleSince,
            int missedInRow, GlobalAction pendingAction, Long pendingReasonId, String pendingReason, String line,
            Instant lastSeenAt) {
    }

    /** The agent's state in one queue it joined at some time; {@code pauseReason} is the reason's name. */
    public record QueueStateRow(long queueId, PresenceState state, Long pauseReasonId, String pauseReason, Instant since) {
    }

    /** Creates the agent's presence row on first use; the agent starts idle. */
    public void ensure(long userId, Instant now) {
        jdbc.sql("""
                INSERT INTO agent_presence (user_id, activity, activity_since, idle_since, last_seen_at)
                VALUES (?, 'IDLE', ?, ?, ?) ON DUPLICATE KEY UPDATE user_id = user_id""")
                .params(userId, ts(now), ts(now), ts(now)).update();
    }

    /** Reads and locks the presence row, so concurrent changes for one agent run one after another. */
    public Optional<PresenceRow> lock(long userId) {
        return jdbc.sql(PRESENCE + " WHERE p.user_id = ? FOR UPDATE").param(userId).query(this::presence).optional();
    }

    public Optional<PresenceRow> find(long userId) {
        return jdbc.sql(PRESENCE + " WHERE p.user_id = ?").param(userId).query(this::presence).optional();
    }

    // Scalar subqueries, not joins: the locking read must not also lock the user and the pause reason.
    private static final String PRESENCE = """
            SELECT p.user_id, p.activity, p.activity_since, p.idle_since, p.missed_in_row, p.pending_action, p.pending_reason_id,
                   (SELECT r.name FROM pause_reason r WHERE r.id = p.pending_reason_id) AS pending_reason,
                   p.line, p.last_seen_at
            FROM agent_presence p""";

    private PresenceRow presence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String pending = rs.getString("pending_action");
        return new PresenceRow(rs.getLong("user_id"), Activity.valueOf(rs.getString("activity")),
                instant(rs.getTimestamp("activity_since")), instant(rs.getTimestamp("idle_since")),
                rs.getInt("missed_in_row"), pending == null ? null : GlobalAction.valueOf(pending),
                (Long) rs.getObject("pending_reason_id", Long.class), rs.getString("pending_reason"),
                rs.getString("line"), instant(rs.getTimestamp("last_seen_at")));
    }

    /** The agent's states in the queues it ever joined, by queue. */
    public Map<Long, QueueStateRow> queueStates(long userId) {
        Map<Long, QueueStateRow> states = new HashMap<>();
        jdbc.sql("""
                SELECT s.queue_id, s.state, s.pause_reason_id, r.name AS reason, s.since
                FROM agent_queue_status s LEFT JOIN pause_reason r ON r.id = s.pause_reason_id
                WHERE s.user_id = ?""").param(userId)
                .query(rs -> {
                    states.put(rs.getLong("queue_id"), new QueueStateRow(rs.getLong("queue_id"),
                            PresenceState.valueOf(rs.getString("state")), (Long) rs.getObject("pause_reason_id", Long.class),
                            rs.getString("reason"), instant(rs.getTimestamp("since"))));
                });
        return states;
    }

    /** The agents' states in one queue, by agent; agents that never joined it are missing. */
    public Map<Long, QueueStateRow> statesIn(long queueId, Collection<Long> userIds) {
        Map<Long, QueueStateRow> states = new HashMap<>();
        jdbc.sql("""
                SELECT s.user_id, s.state, s.pause_reason_id, r.name AS reason, s.since
                FROM agent_queue_status s LEFT JOIN pause_reason r ON r.id = s.pause_reason_id
                WHERE s.queue_id = :queue AND s.user_id IN (:users)""").param("queue", queueId).param("users", userIds)
                .query(rs -> {
                    states.put(rs.getLong("user_id"), new QueueStateRow(queueId, PresenceState.valueOf(rs.getString("state")),
                            (Long) rs.getObject("pause_reason_id", Long.class), rs.getString("reason"),
                            instant(rs.getTimestamp("since"))));
                });
        return states;
    }

    /** The agents' presence rows, unlocked; agents that never signed in are missing. */
    public List<PresenceRow> findAll(Collection<Long> userIds) {
        return jdbc.sql(PRESENCE + " WHERE p.user_id IN (:users)").param("users", userIds).query(this::presence).list();
    }

    public void setQueueState(long userId, long queueId, PresenceState state, Long reasonId, Instant now) {
        jdbc.sql("""
                INSERT INTO agent_queue_status (user_id, queue_id, state, pause_reason_id, since) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE state = VALUES(state), pause_reason_id = VALUES(pause_reason_id), since = VALUES(since)""")
                .params(userId, queueId, state.name(), reasonId, ts(now)).update();
    }

    public void setActivity(long userId, Activity activity, Instant now, Instant idleSince) {
        jdbc.sql("""
                UPDATE agent_presence SET activity = ?, activity_since = ?, idle_since = COALESCE(?, idle_since)
                WHERE user_id = ?""").params(activity.name(), ts(now), ts(idleSince), userId).update();
    }

    /** The agent answered an offer: on the contact, and its run of missed offers is over. */
    public void answered(long userId, Instant now) {
        jdbc.sql("UPDATE agent_presence SET activity = 'ON_CONTACT', activity_since = ?, missed_in_row = 0 WHERE user_id = ?")
                .params(ts(now), userId).update();
    }

    /** Moves the agent from one activity to another only if it is still in the expected one. */
    public boolean changeActivity(long userId, Activity from, Activity to, Instant now) {
        return changeActivity(List.of(userId), from, to, now) == 1;
    }

    /** The same for several agents in one statement; returns how many were still in {@code from}. */
    public int changeActivity(Collection<Long> userIds, Activity from, Activity to, Instant now) {
        return jdbc.sql("UPDATE agent_presence SET activity = :to, activity_since = :now WHERE user_id IN (:users) AND activity = :from")
                .param("to", to.name()).param("now", ts(now)).param("users", userIds).param("from", from.name()).update();
    }

    public void setPending(long userId, GlobalAction action, Long reasonId) {
        jdbc.sql("UPDATE agent_presence SET pending_action = ?, pending_reason_id = ? WHERE user_id = ?")
                .params(action == null ? null : action.name(), reasonId, userId).update();
    }

    public void setMissedInRow(long userId, int missed) {
        jdbc.sql("UPDATE agent_presence SET missed_in_row = ? WHERE user_id = ?").params(missed, userId).update();
    }

    public void setLastSeen(long userId, Instant now) {
        jdbc.sql("UPDATE agent_presence SET last_seen_at = ? WHERE user_id = ?").params(ts(now), userId).update();
    }

    public void setLine(long userId, String line) {
        jdbc.sql("UPDATE agent_presence SET line = ? WHERE user_id = ?").params(line, userId).update();
    }

    /** Idle agents ready somewhere whose last sign of life is older than {@code before}. */
    public List<Long> silentReadyAgents(Instant before) {
        return jdbc.sql("""
                SELECT p.user_id FROM agent_presence p
                WHERE p.activity = 'IDLE' AND (p.last_seen_at IS NULL OR p.last_seen_at < ?)
                  AND EXISTS (SELECT 1 FROM agent_queue_status s WHERE s.user_id = p.user_id AND s.state = 'READY')
                LIMIT 200""").param(ts(before)).query(Long.class).list();
    }

    public void event(long userId, Instant at, String type, Long queueId, Long reasonId, Long actorId, String detail) {
        events(List.of(userId), at, type, queueId, reasonId, actorId, detail);
    }

    /** The same event for several agents in one multi-row INSERT (the dispatcher's batch of offers). */
    public void events(Collection<Long> userIds, Instant at, String type, Long queueId, Long reasonId, Long actorId,
            String detail) {
        List<Object> params = new ArrayList<>(userIds.size() * 7);
        for (Long userId : userIds) {
            Collections.addAll(params, userId, ts(at), type, queueId, reasonId, actorId == null || actorId == 0 ? null : actorId,
                    detail);
        }
        jdbc.sql("INSERT INTO agent_event (user_id, at, type, queue_id, pause_reason_id, actor_id, detail) VALUES "
                + String.join(", ", Collections.nCopies(userIds.size(), "(?, ?, ?, ?, ?, ?, ?)"))).params(params).update();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
