package org.switchboard.contact.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
}
