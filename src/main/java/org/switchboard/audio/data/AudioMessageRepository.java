package org.switchboard.audio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.audio.AudioFormat;

/**
 * The audio_message, audio_message_tag and audio_chunk tables. The audio bytes go in and come out
 * in rows of {@link #CHUNK} bytes, so no caller ever holds a whole file and no statement is large.
 */
@Repository
public class AudioMessageRepository {

    /** Bytes per audio_chunk row (the changelog that made the table copies old audio with the same size). */
    static final int CHUNK = 256 * 1024;

    private static final String SELECT = """
            SELECT m.id, m.name, m.description, m.archived, m.format, m.duration_ms, m.size_bytes, m.created_by,
                   m.created_at, m.updated_at, m.version
            FROM audio_message m""";

    /** A stored message; {@code createdBy} is null for one the system created. */
    public record Row(long id, String name, String description, boolean archived, AudioFormat format, long durationMillis,
            long sizeBytes, Long createdBy, List<String> tags, Instant createdAt, Instant updatedAt,
            int version) {
    }

    /** The audio of a message: what the player needs to ask for. */
    public record Audio(AudioFormat format, long durationMillis, long sizeBytes) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AudioMessageRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Messages by name, archived ones or the others. */
    public List<Row> list(boolean archived) {
        return withTags(jdbc.sql(SELECT + " WHERE m.archived = ? ORDER BY m.name, m.id").param(archived)
                .query(AudioMessageRepository::row).list());
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ?").param(id).query(AudioMessageRepository::row).optional()
                .map(r -> withTags(List.of(r)).getFirst());
    }

    public long insert(String name, String description, Long createdBy, Audio audio, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audio_message (name, description, archived, format, duration_ms, size_bytes, created_by,
                                           created_at, updated_at, version)
                VALUES (?, ?, FALSE, ?, ?, ?, ?, ?, ?, 0)""")
                .params(name, description, audio.format().name(), audio.durationMillis(), audio.sizeBytes(), createdBy,
                        Timestamp.from(now), Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** False when the version no longer matches: someone else changed or deleted it meanwhile. */
    public boolean update(long id, int version, String name, String description, Instant now) {
        return jdbc.sql("UPDATE audio_message SET name = ?, description = ?, updated_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(name, description, Timestamp.from(now), id, version).update() == 1;
    }

    public void setArchived(long id, boolean archived, Instant now) {
        jdbc.sql("UPDATE audio_message SET archived = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(archived, Timestamp.from(now), id).update();
    }

    public void setAudio(long id, Audio audio, Instant now) {
        jdbc.sql("UPDATE audio_message SET format = ?, duration_ms = ?, size_bytes = ?, updated_at = ?, version = version + 1 "
                        + "WHERE id = ?")
                .params(audio.format().name(), audio.durationMillis(), audio.sizeBytes(), Timestamp.from(now), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM audio_message WHERE id = ?").param(id).update();
    }

    public void setTags(long id, Collection<String> tags) {
        jdbc.sql("DELETE FROM audio_message_tag WHERE message_id = ?").param(id).update();
        for (String tag : tags) {
            jdbc.sql("INSERT INTO audio_message_tag (message_id, tag) VALUES (?, ?)").params(id, tag).update();
        }
    }

    public List<String> tagNames() {
        return jdbc.sql("SELECT DISTINCT tag FROM audio_message_tag ORDER BY tag").query(String.class).list();
    }

    /**
     * Stores (or replaces) the audio of a message, {@code length} bytes from {@code content}, one
     * {@link #CHUNK} row at a time: no statement comes near a server's packet or redo log limits.
     */
    public void storeContent(long id, InputStream content, long length) {
        jdbc.sql("DELETE FROM audio_chunk WHERE message_id = ?").param(id).update();
        byte[] buffer = new byte[CHUNK];
        long stored = 0;
        for (int seq = 0; stored < length; seq++) {
            int size;
            try {
                size = content.readNBytes(buffer, 0, (int) Math.min(CHUNK, length - stored));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (size == 0) {
                throw new IllegalStateException("The audio ended after " + stored + " of " + length + " bytes");
            }
            byte[] chunk = size == CHUNK ? buffer : Arrays.copyOf(buffer, size);
            jdbc.sql("INSERT INTO audio_chunk (message_id, seq, data) VALUES (?, ?, ?)").params(id, seq, chunk).update();
            stored += size;
        }
    }

    /**
     * Writes {@code length} bytes of the audio from byte {@code offset} on, reading at most one chunk
     * row per query, so neither side holds more than {@link #CHUNK} bytes and no connection waits on a
     * slow client.
     */
    public void copyContent(long id, long offset, long length, OutputStream out) {
        long done = 0;
        while (done < length) {
            long position = offset + done;
            int within = (int) (position % CHUNK);
            int size = (int) Math.min(CHUNK - within, length - done);
            byte[] chunk = template.query("SELECT SUBSTRING(data, ?, ?) FROM audio_chunk WHERE message_id = ? AND seq = ?",
                    rs -> rs.next() ? readAll(rs) : null, within + 1, size, id, position / CHUNK);
            if (chunk == null || chunk.length == 0) {
                return;
            }
            try {
                out.write(chunk);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            done += chunk.length;
        }
    }

    private static byte[] readAll(ResultSet rs) throws SQLException {
        try (InputStream in = rs.getBinaryStream(1)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private List<Row> withTags(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> byMessage = new LinkedHashMap<>();
        jdbc.sql("SELECT message_id, tag FROM audio_message_tag WHERE message_id IN (:ids) ORDER BY tag")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> byMessage.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return rows.stream().map(r -> new Row(r.id(), r.name(), r.description(), r.archived(), r.format(),
                r.durationMillis(), r.sizeBytes(), r.createdBy(),
                List.copyOf(byMessage.getOrDefault(r.id(), List.of())), r.createdAt(), r.updatedAt(), r.version())).toList();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getBoolean("archived"),
                AudioFormat.valueOf(rs.getString("format")), rs.getLong("duration_ms"), rs.getLong("size_bytes"),
                (Long) rs.getObject("created_by", Long.class), List.of(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }
}
