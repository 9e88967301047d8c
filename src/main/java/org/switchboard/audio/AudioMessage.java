package org.switchboard.audio;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A pre-recorded audio message as the signed-in user sees it; {@code editable} says whether that user
 * may change, archive or delete it. {@code createdBy} is null for one the system created.
 */
public record AudioMessage(long id, String name, String description, List<String> tags, boolean archived,
        AudioFormat format, Duration duration, long sizeBytes, Long createdBy, String createdByName, Instant createdAt,
        Instant updatedAt, int version, boolean editable) {

    /**
     * Where the browser fetches the audio (with HTTP Range support). The version makes a replaced audio a
     * new address, so a browser never plays a cached old one.
     */
    public String contentUrl() {
        return "/audio-messages/" + id + "/content?v=" + version;
    }

    /** The duration as m:ss. */
    public String durationText() {
        return formatDuration(duration);
    }

    public static String formatDuration(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
