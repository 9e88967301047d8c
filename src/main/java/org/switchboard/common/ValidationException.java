package org.switchboard.common;

/** Bad input from a user: the message says what to fix, and nothing was changed. */
public class ValidationException extends RuntimeException {

    public ValidationException(String message) {
        super(message);
    }
}
