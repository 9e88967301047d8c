package org.switchboard.queue;

/** Published after commit when a queue, its settings or its assignments change. */
public record QueueChanged(long queueId) {
}
