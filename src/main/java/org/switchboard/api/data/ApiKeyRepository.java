package org.switchboard.api.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.api.ApiKeyService.ApiKeyInfo;
import org.switchboard.api.ApiScope;

@Repository
public class ApiKeyRepository {

    private static final String SELECT = "SELECT id, name, key_prefix, created_by, created_at, revoked_at, last_used_at, scopes FROM api_key";
    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String prefix, String hash, String createdBy, Set<ApiScope> scopes, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_key (name, key_prefix, key_hash, created_by, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, prefix, hash, createdBy, String.join(",", scopes.stream().sorted().map(Enum::name).toList()),
                        Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<ApiKeyInfo> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(ApiKeyRepository::info).optional();
    }

    public Optional<ApiKeyInfo> findByHash(String hash) {
        return jdbc.sql(SELECT + " WHERE key_hash = ?").param(hash).query(ApiKeyRepository::info).optional();
    }

    public List<ApiKeyInfo> findAll() {
        return jdbc.sql(SELECT + " ORDER BY revoked_at IS NOT NULL, created_at DESC").query(ApiKeyRepository::info).list();
    }

    public boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), id).update() == 1;
    }

    /** Records use at most once a minute per key, so busy clients do not write on every request. */
    public void touch(long id, Instant now) {
        jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Timestamp.from(now), id, Timestamp.from(now.minusSeconds(60))).update();
    }

    private static ApiKeyInfo info(ResultSet rs, int row) throws SQLException {
        return new ApiKeyInfo(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")), scopes(rs.getString("scopes")));
    }

    private static Set<ApiScope> scopes(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scope : stored.split(",")) {
            if (!scope.isBlank()) {
                scopes.add(ApiScope.valueOf(scope.strip()));
            }
        }
        return scopes;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
