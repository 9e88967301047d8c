package org.switchboard.voice.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
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

    /** Those of the contacts that are web calls. */
    public List<Long> webCallsAmong(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT contact_id FROM voice_web_call WHERE contact_id IN (:ids)").param("ids", contactIds)
                .query(Long.class).list();
    }
}
