package org.switchboard.voice;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.switchboard.common.ConflictException;
import org.switchboard.common.TokenBuckets;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactView;

/**
 * The checks every signal passes, from either party, before it is published: the call is connected
 * and the sender is one of its parties and may send this kind; the SDP or candidate is of bounded size
 * and well formed; the party is within its rate; candidates outside the configured networks are
 * dropped (from the SDP too). The services make sure the call is the sender's own.
 */
@Component
class SignalRelay {

    /** No networks: passes every well-formed candidate, so malformed ones are told apart from foreign ones. */
    private static final CandidateNetworks WELL_FORMED = new CandidateNetworks(List.of());

    private final VoiceProperties properties;
    private final CandidateNetworks networks;
    private final TokenBuckets<String> rates;
    private final ApplicationEventPublisher events;

    SignalRelay(VoiceProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.networks = new CandidateNetworks(properties.candidateNetworks());
        this.rates = new TokenBuckets<>(properties.signalsBurst(), properties.signalsPerSecond(), 50_000);
        this.events = events;
    }

    /** Publishes the signal for the other party; false when it was a candidate outside the networks, dropped. */
    boolean relay(ContactView call, Party from, SignalKind kind, String payload) {
        return relay(call, from, kind, payload, null);
    }

    /** The same for a supervisor's connection to the agent's tab ({@link SignalKind#monitor()}). */
    boolean relay(ContactView call, Party from, SignalKind kind, String payload, Long supervisorId) {
        if (kind == null || !kind.sentBy(from)) {
            throw new ValidationException("voice.error.cannot-send", from.name().toLowerCase(Locale.ROOT), kind);
        }
        if (call.state() != ContactState.CONNECTED || call.agentId() == null) {
            throw new ConflictException("voice.error.signal-not-connected");
        }
        if (kind.monitor() != (supervisorId != null)) {
            throw new ValidationException("voice.error.supervisor-signal");
        }
        long wait = rates.acquire(call.id() + ":" + from + ":" + supervisorId);
        if (wait > 0) {
            throw new ConflictException("voice.error.too-many-signals", wait);
        }
        String checked = switch (kind) {
            case OFFER, ANSWER, MONITOR_OFFER, MONITOR_ANSWER -> networks.filterSdp(sdp(payload));
            case CANDIDATE, MONITOR_CANDIDATE -> candidate(payload);
            case HELD, RESUMED, MONITOR_ENDED -> "";
            case MONITOR_STARTED -> "whisper".equals(payload) ? "whisper" : "listen";
        };
        if (checked == null) {
            return false;
        }
        events.publishEvent(new CallSignalled(call.id(), call.agentId(), from, kind, checked, supervisorId));
        return true;
    }

    private String sdp(String payload) {
        if (payload == null || !payload.startsWith("v=0")) {
            throw new ValidationException("voice.error.sdp-missing");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > properties.maxSdpBytes()) {
            throw new ValidationException("voice.error.sdp-too-long", properties.maxSdpBytes());
        }
        if (!payload.chars().allMatch(c -> c == '\r' || c == '\n' || (c >= ' ' && c <= '~'))) {
            throw new ValidationException("voice.error.sdp-characters");
        }
        return payload;
    }

    /** The candidate when it is relayed, null when it lies outside the networks. */
    private String candidate(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new ValidationException("voice.error.candidate-missing");
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > properties.maxCandidateBytes()) {
            throw new ValidationException("voice.error.candidate-too-long", properties.maxCandidateBytes());
        }
        if (!WELL_FORMED.allows(payload)) {
            throw new ValidationException("voice.error.candidate-not-ice");
        }
        return networks.allows(payload) ? payload : null;
    }
}
