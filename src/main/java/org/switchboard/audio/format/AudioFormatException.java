package org.switchboard.audio.format;

import java.util.Locale;

/** The file is not audio of an accepted format, or it is damaged; the message says which, for the user. */
public class AudioFormatException extends Exception {

    /** How far a duration a header declares may be from the audio the file holds (a frame or a block of rounding). */
    static final long TOLERANCE_MILLIS = 1000;

    public AudioFormatException(String message) {
        super(message);
    }

    /**
     * The header announces one duration and the data another: players differ in which they believe, so
     * what was heard and what was measured could differ.
     */
    static AudioFormatException disagreement(String format, long declaredMillis, long heldMillis) {
        return new AudioFormatException("The " + format + " file's header declares " + clock(declaredMillis)
                + " of audio, but the file holds " + clock(heldMillis) + ".");
    }

    /** m:ss.s, precise enough to tell apart what a user could hear. */
    static String clock(long millis) {
        return String.format(Locale.ROOT, "%d:%04.1f", millis / 60_000, millis % 60_000 / 1000.0);
    }
}
