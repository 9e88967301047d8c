package org.switchboard.audit.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFilter;
import org.switchboard.common.LikePatterns;

/** Explicit SQL: the log grows without bound, so every read is one indexed, paged query. */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Instant at, Long actorId, String actorUsername, String action, String targetType, Long targetId,
            String targetName, String detail) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor_id, actor_username, action, target_type, target_id, target_name, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), actorId, actorUsername, action, targetType, targetId, targetName, detail)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<AuditEntry> find(AuditFilter filter, ZoneId zone, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, at, actor_id, actor_username, action, target_type, target_id, target_name, detail
                FROM audit_entry WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" AND actor_username LIKE ?");
            params.add(LikePatterns.startingWith(filter.actor().trim().toLowerCase()));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" AND action = ?");
            params.add(filter.action());
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            params.add(Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEntry(rs.getLong("id"),
                rs.getTimestamp("at").toInstant(), (Long) rs.getObject("actor_id", Long.class),
                rs.getString("actor_username"), rs.getString("action"), rs.getString("target_type"),
                rs.getObject("target_id", Long.class), rs.getString("target_name"), rs.getString("detail"))).list();
    }

    public List<String> distinctActions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }
}
