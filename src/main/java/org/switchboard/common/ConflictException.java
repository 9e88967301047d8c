package org.switchboard.common;

/** The request was valid but the state has moved on (an offer already taken, a chat already closed). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    /** Said when a record's version moved on between reading it and saving it (optimistic locking). */
    public static final String STALE = "Someone else changed this record meanwhile. Reload and try again.";

    /** An edit based on a version of {@code what} ("this queue") that someone else has changed since. */
    public static ConflictException staleVersion(String what) {
        return new ConflictException("Someone else changed " + what + " meanwhile. Reload and try again.");
    }
}
