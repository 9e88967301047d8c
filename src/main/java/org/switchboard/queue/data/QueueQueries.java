package org.switchboard.queue.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueSettings;

/**
 * Reads queues with their campaign sources in one statement each. The routing engine reads a queue
 * in every contact's life-cycle step; a repository's derived query built its SQL anew on each call
 * and fetched the sources in a second statement, which cost more than the step's own work.
 */
@Repository
public class QueueQueries {

    private static final String SELECT = """
            SELECT q.id, q.version, q.name, q.kind, q.offer_timeout_seconds, q.wrap_up_seconds,
                   q.wrap_up_extension_seconds, q.max_wait_seconds, q.service_level_seconds, q.chat_capacity,
                   q.priority, q.missed_offers_before_pause,
                   (SELECT GROUP_CONCAT(s.source_queue) FROM campaign_source s WHERE s.campaign = q.id) AS sources
            FROM queue q""";

    private final JdbcClient jdbc;

    QueueQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<QueueInfo> byId(long id) {
        return jdbc.sql(SELECT + " WHERE q.id = ?").param(id).query(QueueQueries::info).optional();
    }

    /** By name as the database compares it (the unique key's collation: case does not matter). */
    public Optional<QueueInfo> byName(String name) {
        return jdbc.sql(SELECT + " WHERE q.name = ?").param(name).query(QueueQueries::info).optional();
    }

    public List<QueueInfo> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE q.id IN (:ids)").param("ids", ids).query(QueueQueries::info).list();
    }

    public List<QueueInfo> all() {
        return jdbc.sql(SELECT + " ORDER BY q.name").query(QueueQueries::info).list();
    }

    public List<QueueInfo> campaignsFedBy(long queueId) {
        return jdbc.sql(SELECT + " WHERE q.id IN (SELECT campaign FROM campaign_source WHERE source_queue = ?) ORDER BY q.name")
                .param(queueId).query(QueueQueries::info).list();
    }

    public List<QueueInfo> assignedTo(long userId, AssignmentRole role) {
        return jdbc.sql(SELECT + " WHERE q.id IN (SELECT queue_id FROM queue_assignment WHERE user_id = ? AND role = ?) "
                + "ORDER BY q.name").params(userId, role.name()).query(QueueQueries::info).list();
    }

    private static QueueInfo info(ResultSet rs, int row) throws SQLException {
        String sources = rs.getString("sources");
        Set<Long> sourceIds = sources == null ? Set.of()
                : Arrays.stream(sources.split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
        return new QueueInfo(rs.getLong("id"), rs.getInt("version"), new QueueSettings(rs.getString("name"),
                QueueKind.valueOf(rs.getString("kind")), rs.getInt("offer_timeout_seconds"), rs.getInt("wrap_up_seconds"),
                rs.getInt("wrap_up_extension_seconds"), rs.getInt("max_wait_seconds"), rs.getInt("service_level_seconds"),
                rs.getInt("chat_capacity"), rs.getInt("priority"), rs.getInt("missed_offers_before_pause"), sourceIds));
    }
}
