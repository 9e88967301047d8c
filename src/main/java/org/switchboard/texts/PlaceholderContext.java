package org.switchboard.texts;

/**
 * The values for {@code {customer.name}}, {@code {agent.name}} and {@code {queue.name}}. Any value may be
 * null or blank when unknown; the placeholder then stays visible in the text.
 */
public record PlaceholderContext(String customerName, String agentName, String queueName) {

    public static final PlaceholderContext NONE = new PlaceholderContext(null, null, null);
}
