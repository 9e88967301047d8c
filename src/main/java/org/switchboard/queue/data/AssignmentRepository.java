package org.switchboard.queue.data;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.switchboard.queue.AssignmentRole;

/** Who works (AGENT) or watches (SUPERVISOR) which queue. */
@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> userIdsOf(long queueId, AssignmentRole role) {
        return jdbc.sql("SELECT user_id FROM queue_assignment WHERE queue_id = ? AND role = ? ORDER BY user_id")
                .params(queueId, role.name()).query(Long.class).list();
    }

    /** The agents of the queues this user supervises, without the user itself. */
    public List<Long> agentIdsSupervisedBy(long supervisorId) {
        return jdbc.sql("""
                SELECT DISTINCT a.user_id
                FROM queue_assignment s JOIN queue_assignment a ON a.queue_id = s.queue_id AND a.role = 'AGENT'
                WHERE s.user_id = ? AND s.role = 'SUPERVISOR' AND a.user_id <> s.user_id""")
                .param(supervisorId).query(Long.class).list();
    }

    public boolean isAssigned(long queueId, long userId, AssignmentRole role) {
        return jdbc.sql("SELECT COUNT(*) FROM queue_assignment WHERE queue_id = ? AND user_id = ? AND role = ?")
                .params(queueId, userId, role.name()).query(Integer.class).single() > 0;
    }

    /** Replaces the queue's users in that role with exactly {@code userIds}. */
    public void replace(long queueId, AssignmentRole role, Collection<Long> userIds) {
        jdbc.sql("DELETE FROM queue_assignment WHERE queue_id = ? AND role = ?").params(queueId, role.name()).update();
        for (Long userId : userIds) {
            add(queueId, userId, role);
        }
    }

    public void add(long queueId, long userId, AssignmentRole role) {
        jdbc.sql("INSERT INTO queue_assignment (queue_id, user_id, role) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE role = role")
                .params(queueId, userId, role.name()).update();
    }
}
