package org.switchboard.security;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin enters to create or change a user. The constraints are checked on the screen (beside
 * each field) and again by {@link UserService}.
 *
 * @param username    kept as it is when editing
 * @param password    a new password, or null to keep the current one when editing
 * @param lines       the user's phone extensions, the first taking calls until the agent picks another;
 *                    null keeps them as they are when editing
 */
public record UserForm(
        @NotNull(message = USERNAME_RULE) @Pattern(regexp = "[a-z0-9._-]{2,50}", message = USERNAME_RULE) String username,
        @NotBlank(message = NAME_RULE) @Size(max = 100, message = NAME_RULE) String displayName,
        @Size(min = MIN_PASSWORD_LENGTH, max = 72, message = PASSWORD_RULE) String password,
        @NotEmpty(message = "{security.user.roles-rule}") Set<Role> roles,
        @Size(max = MAX_LINES, message = "{security.user.lines-rule}")
        List<@Pattern(regexp = LINE_PATTERN, message = LINE_RULE) String> lines) {

    /** What an extension may be: what an agent types to call a colleague has this form, a phone number may too. */
    public static final String LINE_PATTERN = "[0-9A-Za-z+*#._-]{1,30}";

    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_LINES = 10;
    static final String USERNAME_RULE = "{security.user.username-rule}";
    static final String NAME_RULE = "{security.user.name-rule}";
    /** The bundle key of the password rule, for the screens and refusals that say it outside a constraint. */
    public static final String PASSWORD_RULE_KEY = "security.user.password-rule";
    static final String PASSWORD_RULE = "{" + PASSWORD_RULE_KEY + "}";
    static final String LINE_RULE = "{security.user.line-rule}";

    /**
     * Names and lines trimmed, blank lines left out, an empty password as none: what the constraints and
     * the database see. {@code username} replaces the form's (editing keeps the user name).
     */
    UserForm normalized(String username) {
        return new UserForm(username == null ? null : username.trim(), displayName == null ? null : displayName.trim(),
                password == null || password.isEmpty() ? null : password, roles, lines == null ? null
                        : lines.stream().map(line -> line == null ? "" : line.trim()).filter(line -> !line.isEmpty()).toList());
    }

    /** Whether the text, trimmed, has the form of an extension (it may still be nobody's). */
    public static boolean isLine(String text) {
        return text != null && text.strip().matches(LINE_PATTERN);
    }
}
