package org.switchboard.texts;

import java.util.Set;

/**
 * What a user enters to create or change a pre-saved text message. {@code publicMessage} may only be
 * true for supervisors and admins.
 */
public record TextMessageForm(String title, String shortcut, Set<String> categories, String body,
        boolean publicMessage) {

    public TextMessageForm {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }
}
