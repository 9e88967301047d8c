package org.switchboard.productivity;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Writes ended contacts straight into the history, as the history generator does, for figure tests. */
@Component
public class HistoryRows {

    private final JdbcClient jdbc;

    HistoryRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One ended contact; {@code answeredAt} null means nobody took it (abandoned, or missed for a direct call). */
    @Transactional
    public void contact(String type, Long queueId, Long agentId, Instant created, Instant answeredAt) {
        String outcome = answeredAt != null ? "HANDLED" : type.startsWith("DIRECT") ? "MISSED" : "ABANDONED";
        String channel = "CHAT".equals(type) ? "WEBCHAT" : "VOICE";
        jdbc.sql("""
                INSERT INTO contact (type, channel, queue_id, state, outcome, agent_id, created_at, answered_at, ended_at, closed_at)
                VALUES (?, ?, ?, 'ENDED', ?, ?, ?, ?, ?, ?)""")
                .params(type, channel, queueId, outcome, agentId, Timestamp.from(created),
                        answeredAt == null ? null : Timestamp.from(answeredAt), Timestamp.from(created.plusSeconds(60)),
                        Timestamp.from(created.plusSeconds(90)))
                .update();
    }
}
