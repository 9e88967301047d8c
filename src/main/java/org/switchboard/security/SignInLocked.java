package org.switchboard.security;

import java.util.Locale;

import org.springframework.security.authentication.LockedException;
import org.switchboard.common.Message;

/** Sign-in refused after too many failures; the sign-in page says for how long, in the visitor's language. */
public class SignInLocked extends LockedException {

    private final transient Message message;

    SignInLocked(long minutes) {
        this(Message.of("security.login.locked", minutes));
    }

    private SignInLocked(Message message) {
        super(message.english());
        this.message = message;
    }

    public String in(Locale locale) {
        return message.in(locale);
    }
}
