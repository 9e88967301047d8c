package org.switchboard.agent;

import java.time.Instant;

import org.switchboard.queue.QueueKind;

/** The agent's state in one assigned queue; {@code pauseReason} only while paused. */
public record QueueStatus(long queueId, String queueName, QueueKind kind, PresenceState state, Long pauseReasonId,
        String pauseReason, Instant since) {
}
