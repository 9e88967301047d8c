package org.switchboard.common;

/** The request was valid but the state has moved on (an offer already taken, a chat already closed). */
public class ConflictException extends Refusal {

    /** Said when a record's version moved on between reading it and saving it (optimistic locking). */
    public static final Message STALE = Message.of("common.error.stale");

    /** {@code key} of the bundle with its arguments. */
    public ConflictException(String key, Object... args) {
        super(Message.of(key, args));
    }

    /** An edit based on a version of {@code what} (a bundle key: "this queue") that someone else has changed since. */
    public static ConflictException staleVersion(String what) {
        return new ConflictException("common.error.stale-version", Message.of(what));
    }
}
