package org.switchboard.common;

/** The request was valid but the state has moved on (an offer already taken, a chat already closed). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
