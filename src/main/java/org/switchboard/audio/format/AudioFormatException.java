package org.switchboard.audio.format;

/** The file is not audio of an accepted format, or it is damaged; the message says which, for the user. */
public class AudioFormatException extends Exception {

    public AudioFormatException(String message) {
        super(message);
    }
}
