package org.switchboard.common;

import java.util.Locale;

/**
 * A service's refusal with a {@link Message}: {@link #getMessage()} is English (the API's problem+json,
 * the logs), {@link #in(Locale)} the user's language (screens, through {@link UserActions}).
 */
public abstract class Refusal extends RuntimeException {

    private final transient Message message;

    protected Refusal(Message message) {
        super(message.english());
        this.message = message;
    }

    public String in(Locale locale) {
        return message.in(locale);
    }
}
