package org.switchboard.productivity.data;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.productivity.AgentChoice;
import org.switchboard.productivity.DayActivity;

/** Explicit SQL for the productivity screens; see {@link DayActivity} for what each figure counts. */
@Repository
public class ActivityQueries {

    private final JdbcClient jdbc;

    ActivityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The agent's figures for each of {@code days} (any days, in any order), in one query. Day
     * boundaries are computed here in the zone, so daylight-saving days are 23 or 25 hours long,
     * and the query reads only the agent's rows in those days through ix_contact_agent_answered.
     */
    public List<DayActivity> days(long agentId, List<LocalDate> days, ZoneId zone) {
        if (days.isEmpty()) {
            return List.of();
        }
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
        Map<Integer, DayActivity> found = new HashMap<>();
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
                    return found.put(index, new DayActivity(days.get(index), rs.getInt("queue_answered"),
                            rs.getInt("direct_answered"), rs.getInt("direct_made")));
                })
                .list();
        List<DayActivity> result = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            result.add(found.getOrDefault(i, DayActivity.none(days.get(i))));
        }
        return result;
    }

    /** The agents of the queues this user supervises, by name. */
    public List<AgentChoice> agentsSupervisedBy(long supervisorId) {
        return jdbc.sql("""
                SELECT DISTINCT u.id, u.display_name
                FROM queue_assignment s
                JOIN queue_assignment a ON a.queue_id = s.queue_id AND a.role = 'AGENT'
                JOIN app_user u ON u.id = a.user_id
                WHERE s.user_id = ? AND s.role = 'SUPERVISOR' AND u.id <> s.user_id
                ORDER BY u.display_name, u.id""")
                .param(supervisorId)
                .query((rs, n) -> new AgentChoice(rs.getLong("id"), rs.getString("display_name")))
                .list();
    }

    public String displayNameOf(long userId) {
        return jdbc.sql("SELECT display_name FROM app_user WHERE id = ?").param(userId).query(String.class).single();
    }
}
