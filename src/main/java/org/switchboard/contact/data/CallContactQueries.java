package org.switchboard.contact.data;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ids of agents' contacts for the voice module; see {@link org.switchboard.contact.CallContacts}. */
@Repository
public class CallContactQueries {

    private final JdbcClient jdbc;

    CallContactQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> openOf(long agentId) {
        return jdbc.sql("SELECT id FROM contact WHERE agent_id = ? AND state IN ('OFFERED', 'CONNECTED', 'WRAP_UP')")
                .param(agentId).query(Long.class).list();
    }

    public Map<Long, Long> connected() {
        Map<Long, Long> calls = new LinkedHashMap<>();
        jdbc.sql("SELECT id, agent_id FROM contact WHERE state = 'CONNECTED' AND agent_id IS NOT NULL").query(rs -> {
            calls.put(rs.getLong(1), rs.getLong(2));
        });
        return calls;
    }

    /** A call between users is two contacts: the callee's DIRECT_CALL_IN points at the caller's DIRECT_CALL_OUT. */
    public Set<Long> colleagueCallsAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT c.id FROM contact c
                WHERE c.id IN (:ids)
                  AND (c.type = 'DIRECT_CALL_IN' AND c.source_contact_id IS NOT NULL
                       OR c.type = 'DIRECT_CALL_OUT' AND EXISTS (SELECT 1 FROM contact o
                           WHERE o.source_contact_id = c.id AND o.type = 'DIRECT_CALL_IN'))""")
                .param("ids", contactIds).query(Long.class).list());
    }
}
