package org.switchboard.voice;

/**
 * One party of a call signalled the other; published once the signal passed every check, and
 * relayed to the other party's page by the {@link VoiceFeed}. A plain record, so a relay between
 * nodes can carry it like any other event.
 *
 * @param contactId the call the signal is for: the web call, or in a call between users the
 *                  receiving agent's own contact
 * @param agentId      the agent holding that call
 * @param payload      SDP for offers and answers, a candidate line, empty for hold and resume
 * @param supervisorId for a supervisor's Listen or Whisper ({@link SignalKind#monitor()}): the supervisor
 *                     whose connection to the agent's tab it concerns; null otherwise
 */
public record CallSignalled(long contactId, long agentId, Party from, SignalKind kind, String payload, Long supervisorId) {
}
