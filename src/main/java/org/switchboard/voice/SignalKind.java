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
    RESUMED(Party.AGENT, Party.COLLEAGUE);

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
}
