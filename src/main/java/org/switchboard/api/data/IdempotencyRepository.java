package org.switchboard.api.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Idempotency keys per API key; the primary key makes two racing requests with one key wait for each other. */
@Repository
public class IdempotencyRepository {

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String requestHash, Long contactId) {
    }

    /** Inserts the key; throws DuplicateKeyException when it was used before. */
    public void claim(long apiKeyId, String key, String requestHash, Instant now) {
        jdbc.sql("INSERT INTO idempotency_key (api_key_id, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(apiKeyId, key, requestHash, Timestamp.from(now)).update();
    }

    public void complete(long apiKeyId, String key, long contactId) {
        jdbc.sql("UPDATE idempotency_key SET contact_id = ? WHERE api_key_id = ? AND idem_key = ?")
                .params(contactId, apiKeyId, key).update();
    }

    public Optional<Entry> find(long apiKeyId, String key) {
        return jdbc.sql("SELECT request_hash, contact_id FROM idempotency_key WHERE api_key_id = ? AND idem_key = ?")
                .params(apiKeyId, key).query((rs, n) -> new Entry(rs.getString(1), (Long) rs.getObject(2, Long.class))).optional();
    }
}
