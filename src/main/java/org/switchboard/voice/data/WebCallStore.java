package org.switchboard.voice.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls placed from the caller page, found by the hash of the page's token. */
@Repository
public class WebCallStore {

    private final JdbcClient jdbc;

    WebCallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long contactId, String tokenHash, Instant at) {
        jdbc.sql("INSERT INTO voice_web_call (contact_id, token_hash, created_at) VALUES (?, ?, ?)")
                .params(contactId, tokenHash, Timestamp.from(at)).update();
    }

    public Optional<Long> contactOfToken(String tokenHash) {
        return jdbc.sql("SELECT contact_id FROM voice_web_call WHERE token_hash = ?").param(tokenHash).query(Long.class).optional();
    }

    /** The agent's open calls (offered, connected, in wrap-up) that are web calls. */
    public List<Long> openWebCallsOf(long agentId) {
        return jdbc.sql("""
                SELECT w.contact_id FROM voice_web_call w JOIN contact c ON c.id = w.contact_id
                WHERE c.agent_id = ? AND c.state IN ('OFFERED', 'CONNECTED', 'WRAP_UP')""").param(agentId)
                .query(Long.class).list();
    }

    /**
     * Connected calls with audio (contact id to agent id) whose agent no open dashboard has reported
     * since {@code silentSince}: web calls, and calls between users (the callee's DIRECT_CALL_IN points
     * at the caller's DIRECT_CALL_OUT, as the contact module pairs them).
     */
    public java.util.Map<Long, Long> connectedWithSilentAgent(Instant silentSince) {
        java.util.Map<Long, Long> calls = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.id, c.agent_id FROM contact c JOIN agent_presence p ON p.user_id = c.agent_id
                WHERE c.state = 'CONNECTED' AND (p.last_seen_at IS NULL OR p.last_seen_at < ?)
                  AND (EXISTS (SELECT 1 FROM voice_web_call w WHERE w.contact_id = c.id)
                       OR c.type = 'DIRECT_CALL_IN' AND c.source_contact_id IS NOT NULL
                       OR c.type = 'DIRECT_CALL_OUT' AND EXISTS (SELECT 1 FROM contact o
                           WHERE o.source_contact_id = c.id AND o.type = 'DIRECT_CALL_IN'))""")
                .param(Timestamp.from(silentSince))
                .query(rs -> {
                    calls.put(rs.getLong(1), rs.getLong(2));
                });
        return calls;
    }
}
