package org.switchboard.common;

import java.util.Locale;

/**
 * A text for a person, not yet in a language: a key of the bundle ({@code vaadin-i18n/translations})
 * with its arguments, or any text that knows how to say itself in a locale (a Bean Validation message).
 * Services put one in their refusals; screens say it in the user's language, the API in English.
 */
@FunctionalInterface
public interface Message {

    String in(Locale locale);

    /** The bundle's text for {@code key}; an argument that is itself a {@link Message} is said in the same locale. */
    static Message of(String key, Object... args) {
        return locale -> Translations.translate(locale, key, args);
    }

    default String english() {
        return in(Translations.ENGLISH);
    }
}
