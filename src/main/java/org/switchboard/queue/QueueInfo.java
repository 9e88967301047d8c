package org.switchboard.queue;

import java.util.Set;

/** A queue as other features and screens read it. */
public record QueueInfo(long id, int version, QueueSettings settings) {

    public String name() {
        return settings.name();
    }

    public QueueKind kind() {
        return settings.kind();
    }

    public Set<Long> sourceQueueIds() {
        return settings.sourceQueueIds();
    }

    /** The queue's name as it reads in a link: lower case, words joined by '-' ("Web Chat" is "web-chat"). */
    public static String slugOf(String queueName) {
        return queueName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
    }

    /** Whether a public page's link names this queue, by its name or its slug. */
    public boolean answersTo(String nameOrSlug) {
        return name().equals(nameOrSlug) || slugOf(name()).equals(nameOrSlug);
    }
}
