package org.switchboard.voice.data;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which library recording each call queue plays as hold music. */
@Repository
public class HoldMusicStore {

    private final JdbcClient jdbc;

    HoldMusicStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Long> all() {
        Map<Long, Long> chosen = new HashMap<>();
        jdbc.sql("SELECT queue_id, audio_message_id FROM voice_hold_music")
                .query(rs -> {
                    chosen.put(rs.getLong(1), rs.getLong(2));
                });
        return chosen;
    }

    public Optional<Long> of(long queueId) {
        return jdbc.sql("SELECT audio_message_id FROM voice_hold_music WHERE queue_id = ?").param(queueId).query(Long.class).optional();
    }

    public void set(long queueId, long audioMessageId) {
        jdbc.sql("""
                INSERT INTO voice_hold_music (queue_id, audio_message_id) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE audio_message_id = VALUES(audio_message_id)""").params(queueId, audioMessageId).update();
    }

    public void clear(long queueId) {
        jdbc.sql("DELETE FROM voice_hold_music WHERE queue_id = ?").param(queueId).update();
    }
}
