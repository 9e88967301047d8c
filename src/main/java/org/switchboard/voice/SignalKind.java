package org.switchboard.voice;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What one party of a web call tells the other through the app. */
public enum SignalKind {
    /** an SDP offer: the agent's softphone starts (or, after a reload, restarts) the media */
    OFFER(Party.AGENT, Party.COLLEAGUE),
    /** the other side's SDP answer to the latest offer */
    ANSWER(Party.CALLER, Party.COLLEAGUE),
    /** one trickled ICE candidate (JSON of RTCIceCandidateInit) */
    CANDIDATE(Party.AGENT, Party.CALLER, Party.COLLEAGUE),
    /** the agent put the other side on hold: it hears the hold music */
    HELD(Party.AGENT, Party.COLLEAGUE),
    /** the agent took the other side off hold */
    RESUMED(Party.AGENT, Party.COLLEAGUE),
    /**
     * A supervisor listens ("listen") or whispers ("whisper"): the agent's tab offers it a second
     * connection carrying the agent's mix of both sides; the supervisor's voice, when whispering, is
     * played in the agent's tab only, never sent on to the other side.
     */
    MONITOR_STARTED(Party.SUPERVISOR),
    /** the agent's tab offers the supervisor's connection */
    MONITOR_OFFER(Party.AGENT),
    /** the supervisor's tab answers it */
    MONITOR_ANSWER(Party.SUPERVISOR),
    /** a candidate of the supervisor's connection, from either end */
    MONITOR_CANDIDATE(Party.AGENT, Party.SUPERVISOR),
    /** the supervisor stopped or left: the agent's tab closes that connection */
    MONITOR_ENDED(Party.SUPERVISOR);

    private final Set<Party> senders;

    SignalKind(Party... senders) {
        this.senders = Set.of(senders);
    }

    /** The kind a browser names, if it is one. */
    public static Optional<SignalKind> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst();
    }

    public boolean sentBy(Party party) {
        return senders.contains(party);
    }

    /** Whether it belongs to a supervisor's connection to the agent's tab rather than to the call itself. */
    public boolean monitor() {
        return name().startsWith("MONITOR_");
    }
}
