package org.switchboard.common;

/** Bad input from a user: the message says what to fix, and nothing was changed. */
public class ValidationException extends Refusal {

    /** {@code key} of the bundle with its arguments. */
    public ValidationException(String key, Object... args) {
        super(Message.of(key, args));
    }

    /** A message that is not a bundle key of its own (a Bean Validation constraint's). */
    public ValidationException(Message message) {
        super(message);
    }
}
