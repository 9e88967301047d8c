package org.switchboard.shared.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.dom.Element;

/**
 * What a person reads on a screen, taken from the server-side element tree: text nodes, labels,
 * placeholders, helper texts, titles, accessible names, grid headers, texts handed to scripts. Used to
 * find English left on a Japanese screen: Latin words outside the few names every language writes so.
 */
public final class ScreenTexts {

    /** Properties and attributes whose value a person reads or hears. */
    private static final Set<String> READ = Set.of("label", "placeholder", "helperText", "errorMessage", "title", "header",
            "headerTitle", "headerText", "ariaLabel", "accessibleName", "aria-label", "innerHTML", "items", "data",
            "data-chart", "texts", "text");
    /** Names and codes that are the same in every language. */
    static final Set<String> ANY_LANGUAGE = Set.of("Switchboard", "SMS", "Facebook", "Instagram", "Web", "Alt", "CSV",
            "English", "VOICE", "WEBCHAT", "FACEBOOK", "INSTAGRAM", "SDP", "ICE", "ID", "kB", "MB",
            // key names on the keyboard
            "Enter");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");
    /** Inside the JSON a script reads, only the values people see. */
    private static final Pattern JSON_TEXT = Pattern.compile("\"(?:text|label|labels|microphone\\w*|browserCannotCall|level)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\])");

    private ScreenTexts() {
    }

    /** Every text under {@code root} with a Latin word that is neither a name of the test's data nor in {@link #ANY_LANGUAGE}. */
    public static List<String> english(Element root, Set<String> data) {
        List<String> found = new ArrayList<>();
        walk(root, data, found);
        return found;
    }

    private static void walk(Element element, Set<String> data, List<String> found) {
        if (element.isTextNode()) {
            check(element.getText(), "text", data, found);
            return;
        }
        if ("script".equalsIgnoreCase(element.getTag()) || "style".equalsIgnoreCase(element.getTag())) {
            return;
        }
        for (String name : element.getPropertyNames().toList()) {
            if (READ.contains(name)) {
                check(readable(name, element.getPropertyRaw(name)), element.getTag() + "." + name, data, found);
            }
        }
        for (String name : element.getAttributeNames().toList()) {
            if (READ.contains(name)) {
                check(readable(name, element.getAttribute(name)), element.getTag() + "@" + name, data, found);
            }
        }
        element.getChildren().forEach(child -> walk(child, data, found));
    }

    private static String readable(String name, Object value) {
        // A property set to nothing (a column without a header text) reads as JSON null.
        String text = value == null || "null".equals(value.toString()) ? "" : value.toString();
        if (name.equals("innerHTML")) {
            return text.replaceAll("<[^>]*>", " ").replaceAll("&#?\\w+;", " ");
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            StringBuilder said = new StringBuilder();
            Matcher json = JSON_TEXT.matcher(text);
            while (json.find()) {
                said.append(json.group(1)).append(' ');
            }
            return said.toString();
        }
        return text;
    }

    private static void check(String text, String where, Set<String> data, List<String> found) {
        String left = text;
        for (String name : data) {
            left = left.replace(name, " ");
        }
        Matcher word = WORD.matcher(left);
        while (word.find()) {
            if (!ANY_LANGUAGE.contains(word.group())) {
                found.add(where + ": " + text.strip());
                return;
            }
        }
    }
}
