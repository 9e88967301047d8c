package org.switchboard.common;

/** The thing asked for does not exist, or the caller may not know that it does. */
public class NotFoundException extends Refusal {

    /** {@code key} of the bundle with its arguments. */
    public NotFoundException(String key, Object... args) {
        super(Message.of(key, args));
    }
}
