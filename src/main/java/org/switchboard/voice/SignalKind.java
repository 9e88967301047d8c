package org.switchboard.voice;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What one party of a web call tells the other through the app. */
public enum SignalKind {
    /** an SDP offer: the agent's softphone starts (or, after a reload, restarts) the media */
    OFFER(Party.AGENT),
    /** the caller's SDP answer to the latest offer */
    ANSWER(Party.CALLER),
    /** one trickled ICE candidate (JSON of RTCIceCandidateInit) */
    CANDIDATE(Party.AGENT, Party.CALLER),
    /** the agent put the caller on hold: the caller hears the hold music */
    HELD(Party.AGENT),
    /** the agent took the caller off hold */
    RESUMED(Party.AGENT);

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
