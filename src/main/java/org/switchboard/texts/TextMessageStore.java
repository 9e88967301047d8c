package org.switchboard.texts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the text_message, text_category and text_message_category tables. */
@Repository
class TextMessageStore {

    /** A stored row; {@code ownerId} null means public. */
    record Row(long id, Long ownerId, String title, String shortcut, String body, List<String> categories,
            int version, Instant createdAt, Instant updatedAt) {
    }

    private static final String SELECT = "SELECT id, owner_id, title, shortcut, body, version, created_at, updated_at FROM text_message ";

    private final JdbcClient jdbc;

    TextMessageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Public messages and the user's own ones, public first, then by shortcut. */
    List<Row> visibleTo(long userId) {
        return withCategories(jdbc.sql(SELECT + "WHERE owner_key IN (0, :user) ORDER BY owner_key, shortcut")
                .param("user", userId).query(this::map).list());
    }

    Optional<Row> findById(long id) {
        return jdbc.sql(SELECT + "WHERE id = :id").param("id", id).query(this::map).optional()
                .map(r -> withCategories(List.of(r)).getFirst());
    }

    Optional<Row> findByShortcut(Long ownerId, String shortcut) {
        return jdbc.sql(SELECT + "WHERE owner_key = :key AND shortcut = :shortcut")
                .param("key", ownerId == null ? 0L : ownerId).param("shortcut", shortcut)
                .query(this::map).optional();
    }

    long insert(Long ownerId, String title, String shortcut, String body, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO text_message (owner_id, owner_key, title, shortcut, body, created_at, updated_at, version) "
                        + "VALUES (:owner, :key, :title, :shortcut, :body, :now, :now, 0)")
                .param("owner", ownerId).param("key", ownerId == null ? 0L : ownerId).param("title", title)
                .param("shortcut", shortcut).param("body", body).param("now", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Returns false when the version no longer matches (someone else changed or deleted it). */
    boolean update(long id, int version, Long ownerId, String title, String shortcut, String body, Instant now) {
        return jdbc.sql("UPDATE text_message SET owner_id = :owner, owner_key = :key, title = :title, shortcut = :shortcut, "
                        + "body = :body, updated_at = :now, version = version + 1 WHERE id = :id AND version = :version")
                .param("owner", ownerId).param("key", ownerId == null ? 0L : ownerId).param("title", title)
                .param("shortcut", shortcut).param("body", body).param("now", Timestamp.from(now))
                .param("id", id).param("version", version).update() == 1;
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM text_message WHERE id = :id").param("id", id).update();
    }

    void setCategories(long messageId, Collection<String> names) {
        jdbc.sql("DELETE FROM text_message_category WHERE message_id = :id").param("id", messageId).update();
        for (String name : names) {
            jdbc.sql("INSERT IGNORE INTO text_category (name) VALUES (:name)").param("name", name).update();
            jdbc.sql("INSERT INTO text_message_category (message_id, category_id) "
                            + "SELECT :id, id FROM text_category WHERE name = :name")
                    .param("id", messageId).param("name", name).update();
        }
    }

    List<String> categoryNames() {
        return jdbc.sql("SELECT name FROM text_category ORDER BY name").query(String.class).list();
    }

    private List<Row> withCategories(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> byMessage = new LinkedHashMap<>();
        jdbc.sql("SELECT mc.message_id, c.name FROM text_message_category mc JOIN text_category c ON c.id = mc.category_id "
                        + "WHERE mc.message_id IN (:ids) ORDER BY c.name")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> byMessage.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return rows.stream().map(r -> new Row(r.id(), r.ownerId(), r.title(), r.shortcut(), r.body(),
                List.copyOf(byMessage.getOrDefault(r.id(), List.of())), r.version(), r.createdAt(), r.updatedAt()))
                .toList();
    }

    private Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long owner = rs.getLong("owner_id");
        Long ownerId = rs.wasNull() ? null : owner;
        return new Row(rs.getLong("id"), ownerId, rs.getString("title"), rs.getString("shortcut"), rs.getString("body"),
                List.of(), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
