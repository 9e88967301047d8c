package org.switchboard.metrics.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grouped SQL over contacts and presence; each method is one query for all the queues asked for. */
@Repository
public class MetricsQueries {

    private final JdbcClient jdbc;

    MetricsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Live(int waiting, Instant oldestQueuedAt, int openChats) {
    }

    public record Today(int created, int handled, int abandoned, int timedOut, int incomplete, long averageHandleMillis,
            int dialed, int answered, int answeredWithinThreshold, int abandonedAfterThreshold, long averageAnswerMillis) {
        public static final Today EMPTY = new Today(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public Map<Long, Live> live(Collection<Long> queueIds) {
        Map<Long, Live> result = new HashMap<>();
        jdbc.sql("""
                SELECT queue_id,
                       SUM(state IN ('QUEUED','OFFERED') AND answered_at IS NULL) AS waiting,
                       MIN(CASE WHEN state IN ('QUEUED','OFFERED') THEN queued_at END) AS oldest,
                       SUM(type = 'CHAT' AND state IN ('OFFERED','CONNECTED','WRAP_UP') AND agent_id IS NOT NULL) AS open_chats
                FROM contact WHERE queue_id IN (:ids) AND state <> 'ENDED' GROUP BY queue_id""")
                .param("ids", queueIds).query((rs, n) -> result.put(rs.getLong("queue_id"), new Live(rs.getInt("waiting"),
                        instant(rs.getTimestamp("oldest")), rs.getInt("open_chats")))).list();
        return result;
    }

    public Map<Long, Integer> agentsLoggedIn(Collection<Long> queueIds) {
        Map<Long, Integer> result = new HashMap<>();
        jdbc.sql("SELECT queue_id, COUNT(*) FROM agent_queue_status WHERE queue_id IN (:ids) AND state IN ('READY','PAUSED') GROUP BY queue_id")
                .param("ids", queueIds).query((rs, n) -> result.put(rs.getLong(1), rs.getInt(2))).list();
        return result;
    }

    /*
     * The "today" queries read only contacts closed today or still open, through ix_contact_queue_closed:
     * whatever was created, answered or ended today is one of those, and older open ones add nothing to
     * the sums. Reading "created today OR closed today" instead scanned the queue's whole history.
     */

    /** Created today, ended today by outcome, and the handle time of today's handled contacts. */
    public Map<Long, Today> today(Collection<Long> queueIds, Instant from, Instant to) {
        Map<Long, Today> result = new HashMap<>();
        jdbc.sql("""
                SELECT queue_id,
                       SUM(created_at >= :from AND created_at < :to) AS created,
                       SUM(closed_at >= :from AND closed_at < :to AND outcome = 'HANDLED') AS handled,
                       SUM(closed_at >= :from AND closed_at < :to AND outcome = 'ABANDONED') AS abandoned,
                       SUM(closed_at >= :from AND closed_at < :to AND outcome = 'TIMED_OUT') AS timed_out,
                       SUM(closed_at >= :from AND closed_at < :to AND outcome = 'INCOMPLETE') AS incomplete,
                       AVG(CASE WHEN closed_at >= :from AND closed_at < :to AND outcome = 'HANDLED'
                           THEN TIMESTAMPDIFF(MICROSECOND, answered_at, COALESCE(wrap_up_ended_at, ended_at)) / 1000 END) AS aht,
                       SUM(created_at >= :from AND created_at < :to AND answered_at IS NOT NULL) AS dialed
                FROM contact
                WHERE queue_id IN (:ids) AND (closed_at >= :from OR closed_at IS NULL) AND created_at < :to
                GROUP BY queue_id""")
                .param("ids", queueIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> result.put(rs.getLong("queue_id"), new Today(rs.getInt("created"), rs.getInt("handled"),
                        rs.getInt("abandoned"), rs.getInt("timed_out"), rs.getInt("incomplete"), rs.getLong("aht"),
                        rs.getInt("dialed"), 0, 0, 0, 0)))
                .list();
        return result;
    }

    /** Answered today (within the threshold or not), abandoned after the threshold, and the mean speed of answer. */
    public Today serviceLevel(long queueId, Instant from, Instant to, int thresholdSeconds) {
        return jdbc.sql("""
                SELECT SUM(answered_at >= :from AND answered_at < :to) AS answered,
                       SUM(answered_at >= :from AND answered_at < :to
                           AND TIMESTAMPDIFF(MICROSECOND, created_at, answered_at) <= :threshold * 1000000) AS within,
                       SUM(outcome = 'ABANDONED' AND closed_at >= :from AND closed_at < :to
                           AND TIMESTAMPDIFF(MICROSECOND, created_at, ended_at) > :threshold * 1000000) AS abandoned_after,
                       AVG(CASE WHEN answered_at >= :from AND answered_at < :to
                           THEN TIMESTAMPDIFF(MICROSECOND, created_at, answered_at) / 1000 END) AS asa
                FROM contact WHERE queue_id = :queue AND (closed_at >= :from OR closed_at IS NULL) AND created_at < :to""")
                .param("queue", queueId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("threshold", thresholdSeconds)
                .query((rs, n) -> new Today(0, 0, 0, 0, 0, 0, 0, rs.getInt("answered"), rs.getInt("within"),
                        rs.getInt("abandoned_after"), rs.getLong("asa")))
                .single();
    }

    /** Columns of {@link #createdByHour}: handled, abandoned, timed out, incomplete, missed, still open. */
    public static final int OUTCOME_COLUMNS = 6;

    /** Contacts created from {@code from} to {@code to}, by whole hours since {@code from} and by outcome. */
    public Map<Integer, int[]> createdByHour(long queueId, Instant from, Instant to) {
        Map<Integer, int[]> result = new HashMap<>();
        jdbc.sql("""
                SELECT TIMESTAMPDIFF(HOUR, :from, created_at) AS hour_index,
                       SUM(outcome = 'HANDLED') AS handled, SUM(outcome = 'ABANDONED') AS abandoned,
                       SUM(outcome = 'TIMED_OUT') AS timed_out, SUM(outcome = 'INCOMPLETE') AS incomplete,
                       SUM(outcome = 'MISSED') AS missed, SUM(outcome IS NULL) AS still_open
                FROM contact WHERE queue_id = :queue AND created_at >= :from AND created_at <= :to
                GROUP BY hour_index""")
                .param("queue", queueId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> result.put(rs.getInt("hour_index"), new int[] {rs.getInt("handled"), rs.getInt("abandoned"),
                        rs.getInt("timed_out"), rs.getInt("incomplete"), rs.getInt("missed"), rs.getInt("still_open")}))
                .list();
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
