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
}
