package org.switchboard.texts;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills the known placeholders of a text. */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+\\.[a-zA-Z]+)}");

    private Placeholders() {
    }

    /**
     * Replaces {@code {customer.name}}, {@code {agent.name}} and {@code {queue.name}} with the values of
     * the context. An unknown placeholder (for example {@code {order.id}}) is left exactly as typed, and
     * so is a known placeholder whose value is null or blank: the agent sees it and fills it in by hand,
     * nothing is silently dropped.
     */
    public static String fill(String text, PlaceholderContext context) {
        PlaceholderContext values = context == null ? PlaceholderContext.NONE : context;
        Map<String, String> known = new java.util.HashMap<>();
        known.put("customer.name", values.customerName());
        known.put("agent.name", values.agentName());
        known.put("queue.name", values.queueName());
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = known.get(m.group(1));
            String replacement = value == null || value.isBlank() ? m.group() : value;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
