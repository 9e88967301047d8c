package org.switchboard.common;

/**
 * What a user types into a search field, as a LIKE pattern that matches it literally: its {@code %}
 * and {@code _} are no wildcards. The backslash is MariaDB's default LIKE escape character.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
