package org.switchboard.texts;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a user enters to create or change a pre-saved text message. {@code publicMessage} may only be
 * true for supervisors and admins. The constraints are shown beside the fields and checked again by
 * {@link TextMessageService}.
 */
public record TextMessageForm(
        @NotBlank(message = "{texts.form.title-required}")
        @Size(max = MAX_TITLE, message = "{texts.form.title-rule}") String title,
        @NotNull(message = SHORTCUT_RULE) @Pattern(regexp = "/[A-Za-z0-9_-]{2,30}", message = SHORTCUT_RULE) String shortcut,
        Set<@Size(max = MAX_CATEGORY, message = "{texts.form.category-rule}") String> categories,
        @NotBlank(message = "{texts.form.body-required}")
        @Size(max = MAX_BODY, message = "{texts.form.body-rule}") String body,
        boolean publicMessage) {

    public static final int MAX_TITLE = 100;
    public static final int MAX_BODY = 2000;
    static final int MAX_CATEGORY = 50;
    static final String SHORTCUT_RULE = "{texts.form.shortcut-rule}";

    public TextMessageForm {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** Title, shortcut and categories trimmed, blank categories left out, sorted: what is checked and stored. */
    TextMessageForm normalized() {
        Set<String> trimmed = new TreeSet<>();
        categories.stream().map(c -> c == null ? "" : c.trim()).filter(c -> !c.isEmpty()).forEach(trimmed::add);
        return new TextMessageForm(title == null ? null : title.trim(), shortcut == null ? null : shortcut.trim(),
                trimmed, body, publicMessage);
    }
}
