package org.switchboard.audio.format;

import java.util.Locale;

import org.switchboard.common.Message;
import org.switchboard.common.Translations;

/**
 * The file is not audio of an accepted format, or it is damaged; the problem says which, for the user in
 * the user's language, and {@link #getMessage()} in English (the API and the logs).
 */
public class AudioFormatException extends Exception {

    /** How far a duration a header declares may be from the audio the file holds (a frame or a block of rounding). */
    static final long TOLERANCE_MILLIS = 1000;

    private final transient Message problem;

    /** {@code key} of the bundle ({@code audio.format.*}) with its arguments. */
    public AudioFormatException(String key, Object... args) {
        super(Translations.english(key, args));
        this.problem = Message.of(key, args);
    }

    /** What is wrong with the file, in any language. */
    public Message problem() {
        return problem;
    }

    /**
     * The header announces one duration and the data another: players differ in which they believe, so
     * what was heard and what was measured could differ.
     */
    static AudioFormatException disagreement(String format, long declaredMillis, long heldMillis) {
        return new AudioFormatException("audio.format.disagreement", format, clock(declaredMillis), clock(heldMillis));
    }

    /** m:ss.s, precise enough to tell apart what a user could hear. */
    static String clock(long millis) {
        return String.format(Locale.ROOT, "%d:%04.1f", millis / 60_000, millis % 60_000 / 1000.0);
    }
}
