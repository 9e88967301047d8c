package org.switchboard.queue;

import java.util.Locale;

import org.switchboard.common.Translations;

public enum QueueKind {
    CALL, CHAT, CAMPAIGN;

    /** The bundle key of the kind's name ("Call queue"). */
    public String key() {
        return "queue.kind." + name().toLowerCase(Locale.ROOT);
    }

    /** {@link #key()} in English. */
    public String label() {
        return Translations.english(key());
    }
}
