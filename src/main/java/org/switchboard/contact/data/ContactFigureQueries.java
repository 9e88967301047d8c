package org.switchboard.contact.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.contact.ContactFigures.Answers;
import org.switchboard.contact.ContactFigures.AnsweredCalls;
import org.switchboard.contact.ContactFigures.Day;
import org.switchboard.contact.ContactFigures.Live;
import org.switchboard.contact.ContactFigures.Outcomes;

/** Grouped SQL over contacts; each method is one query for all the queues (or days) asked for. */
@Repository
public class ContactFigureQueries {

    private final JdbcClient jdbc;

    ContactFigureQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /*
     * The day's queries read only contacts closed that day or still open, through ix_contact_queue_closed:
     * whatever was created, answered or ended that day is one of those, and older open ones add nothing to
     * the sums. Reading "created that day OR closed that day" instead scanned the queue's whole history.
     */

    public Map<Long, Day> day(Collection<Long> queueIds, Instant from, Instant to) {
        Map<Long, Day> result = new HashMap<>();
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
                .query((rs, n) -> result.put(rs.getLong("queue_id"), new Day(rs.getInt("created"), rs.getInt("handled"),
                        rs.getInt("abandoned"), rs.getInt("timed_out"), rs.getInt("incomplete"), rs.getLong("aht"),
                        rs.getInt("dialed"))))
                .list();
        return result;
    }

    /** Each queue against its own threshold: a CASE on the queue picks it, so all queues are one statement. */
    public Map<Long, Answers> answers(Map<Long, Integer> thresholdSecondsByQueue, Instant from, Instant to) {
        StringBuilder threshold = new StringBuilder("(CASE queue_id");
        Map<String, Object> params = new HashMap<>();
        int i = 0;
        for (Map.Entry<Long, Integer> queue : thresholdSecondsByQueue.entrySet()) {
            threshold.append(" WHEN :q").append(i).append(" THEN :t").append(i);
            params.put("q" + i, queue.getKey());
            params.put("t" + i, queue.getValue());
            i++;
        }
        threshold.append(" END * 1000000)");
        Map<Long, Answers> result = new HashMap<>();
        jdbc.sql("""
                SELECT queue_id,
                       SUM(answered_at >= :from AND answered_at < :to) AS answered,
                       SUM(answered_at >= :from AND answered_at < :to
                           AND TIMESTAMPDIFF(MICROSECOND, created_at, answered_at) <= %1$s) AS within,
                       SUM(outcome = 'ABANDONED' AND closed_at >= :from AND closed_at < :to
                           AND TIMESTAMPDIFF(MICROSECOND, created_at, ended_at) > %1$s) AS abandoned_after,
                       AVG(CASE WHEN answered_at >= :from AND answered_at < :to
                           THEN TIMESTAMPDIFF(MICROSECOND, created_at, answered_at) / 1000 END) AS asa
                FROM contact WHERE queue_id IN (:ids) AND (closed_at >= :from OR closed_at IS NULL) AND created_at < :to
                GROUP BY queue_id""".formatted(threshold))
                .params(params).param("ids", thresholdSecondsByQueue.keySet())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> result.put(rs.getLong("queue_id"), new Answers(rs.getInt("answered"), rs.getInt("within"),
                        rs.getInt("abandoned_after"), rs.getLong("asa"))))
                .list();
        return result;
    }

    public Map<Integer, Outcomes> createdByHour(long queueId, Instant from, Instant to) {
        Map<Integer, Outcomes> result = new HashMap<>();
        jdbc.sql("""
                SELECT TIMESTAMPDIFF(HOUR, :from, created_at) AS hour_index,
                       SUM(outcome = 'HANDLED') AS handled, SUM(outcome = 'ABANDONED') AS abandoned,
                       SUM(outcome = 'TIMED_OUT') AS timed_out, SUM(outcome = 'INCOMPLETE') AS incomplete,
                       SUM(outcome = 'MISSED') AS missed, SUM(outcome IS NULL) AS still_open
                FROM contact WHERE queue_id = :queue AND created_at >= :from AND created_at <= :to
                GROUP BY hour_index""")
                .param("queue", queueId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> result.put(rs.getInt("hour_index"), new Outcomes(rs.getInt("handled"), rs.getInt("abandoned"),
                        rs.getInt("timed_out"), rs.getInt("incomplete"), rs.getInt("missed"), rs.getInt("still_open"))))
                .list();
        return result;
    }

    /**
     * Day boundaries are computed here in the zone, so daylight-saving days are 23 or 25 hours long,
     * and the query reads only the agent's rows in those days through ix_contact_agent_answered.
     */
    public List<AnsweredCalls> answeredByDay(long agentId, List<LocalDate> days, ZoneId zone) {
        StringBuilder bucket = new StringBuilder("CASE");
        StringBuilder ranges = new StringBuilder();
        List<Object> bucketParams = new ArrayList<>();
        List<Object> rangeParams = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Timestamp from = Timestamp.from(days.get(i).atStartOfDay(zone).toInstant());
            Timestamp to = Timestamp.from(days.get(i).plusDays(1).atStartOfDay(zone).toInstant());
            bucket.append(" WHEN answered_at >= ? AND answered_at < ? THEN ").append(i);
            ranges.append(i == 0 ? "" : " OR ").append("(answered_at >= ? AND answered_at < ?)");
            bucketParams.add(from);
            bucketParams.add(to);
            rangeParams.add(from);
            rangeParams.add(to);
        }
        bucket.append(" END");
        List<Object> params = new ArrayList<>(bucketParams);
        params.add(agentId);
        params.addAll(rangeParams);
        Map<Integer, AnsweredCalls> found = new HashMap<>();
        jdbc.sql("SELECT " + bucket + """
                 AS day_index,
                       SUM(type IN ('INBOUND_CALL','CALLBACK_REQUEST','CAMPAIGN_CALL')) AS queue_answered,
                       SUM(type = 'DIRECT_CALL_IN') AS direct_answered,
                       SUM(type = 'DIRECT_CALL_OUT') AS direct_made
                FROM contact
                WHERE agent_id = ? AND (""" + ranges + """
                ) AND type <> 'CHAT'
                GROUP BY day_index""")
                .params(params)
                .query((rs, n) -> {
                    int index = rs.getInt("day_index");
                    return found.put(index, new AnsweredCalls(days.get(index), rs.getInt("queue_answered"),
                            rs.getInt("direct_answered"), rs.getInt("direct_made")));
                })
                .list();
        List<AnsweredCalls> result = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            result.add(found.getOrDefault(i, new AnsweredCalls(days.get(i), 0, 0, 0)));
        }
        return result;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
