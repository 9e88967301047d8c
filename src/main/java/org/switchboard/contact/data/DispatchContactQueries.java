package org.switchboard.contact.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.WaitingContacts.Waiting;

/** The routing engine's reads and row locks on contacts; see {@link org.switchboard.contact.WaitingContacts}. */
@Repository
public class DispatchContactQueries {

    private final JdbcClient jdbc;

    DispatchContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ordered by the priority given for each queue (higher first), then the longest waiting. */
    public List<Waiting> waiting(Map<Long, Integer> priorityByQueue, int limit) {
        // Parameters in the order of their places: the queues of IN, the CASE's pairs, the limit.
        List<Object> params = new ArrayList<>(priorityByQueue.keySet());
        StringBuilder priority = new StringBuilder("CASE c.queue_id");
        priorityByQueue.forEach((queue, value) -> {
            priority.append(" WHEN ? THEN ?");
            params.add(queue);
            params.add(value);
        });
        priority.append(" END");
        params.add(limit);
        return jdbc.sql("SELECT c.id, c.queue_id, c.type FROM contact c WHERE c.state = 'QUEUED' AND c.queue_id IN ("
                        + String.join(", ", priorityByQueue.keySet().stream().map(q -> "?").toList()) + ") "
                        + "ORDER BY " + priority + " DESC, c.queued_at, c.id LIMIT ?")
                .params(params)
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), ContactType.valueOf(rs.getString(3))))
                .list();
    }

    public Set<Long> stillWaiting(Collection<Long> contactIds) {
        return new HashSet<>(jdbc.sql("SELECT id FROM contact WHERE id IN (:ids) AND state = 'QUEUED'")
                .param("ids", contactIds).query(Long.class).list());
    }

    public Set<Long> lockWaiting(Collection<Long> contactIds) {
        return new HashSet<>(jdbc.sql("SELECT id FROM contact WHERE id IN (:ids) AND state = 'QUEUED' FOR UPDATE SKIP LOCKED")
                .param("ids", contactIds).query(Long.class).list());
    }

    public Map<Long, Integer> openChats(Collection<Long> agentIds) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT agent_id, COUNT(*) FROM contact
                WHERE agent_id IN (:agents) AND type = 'CHAT' AND state IN ('OFFERED','CONNECTED','WRAP_UP')
                GROUP BY agent_id""").param("agents", agentIds)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }
}
