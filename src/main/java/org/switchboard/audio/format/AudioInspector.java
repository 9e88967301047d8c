package org.switchboard.audio.format;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.switchboard.audio.AudioFormat;

/**
 * Tells the format of an audio file from its first bytes (never from its name) and measures its
 * duration from its headers, without external tools.
 */
public final class AudioInspector {

    /** What a file turned out to be. */
    public record Probe(AudioFormat format, Duration duration) {
    }

    private AudioInspector() {
    }

    public static Probe inspect(Path path) throws IOException, AudioFormatException {
        try (AudioFile in = new AudioFile(path)) {
            AudioFormat format = detect(in.bytes((int) Math.min(16, in.length())));
            long millis = switch (format) {
                case WAV -> WavDuration.millis(in);
                case MP3 -> Mp3Duration.millis(in);
                case OGG -> OggDuration.millis(in);
                case WEBM -> WebmDuration.millis(in);
            };
            return new Probe(format, Duration.ofMillis(millis));
        } catch (EOFException e) {
            throw new AudioFormatException("audio.format.incomplete");
        }
    }

    static AudioFormat detect(byte[] head) throws AudioFormatException {
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            return AudioFormat.WAV;
        }
        if (startsWith(head, 0, "OggS")) {
            return AudioFormat.OGG;
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0x1A && (head[1] & 0xFF) == 0x45 && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return AudioFormat.WEBM;
        }
        if (Mp3Duration.startsWithId3(head)
                || head.length >= 3 && Mp3Duration.frame(head[0] & 0xFF, head[1] & 0xFF, head[2] & 0xFF) != null) {
            return AudioFormat.MP3;
        }
        throw new AudioFormatException("audio.format.unknown");
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        if (head.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
