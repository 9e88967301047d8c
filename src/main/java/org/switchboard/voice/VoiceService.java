package org.switchboard.voice;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentAvailability;
import org.switchboard.agent.AgentProperties;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.CallContacts;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.voice.data.HoldMusicStore;
import org.switchboard.voice.data.WebCallStore;

/**
 * The agent's side of calls with audio: which of its calls carry it, and its softphone's signals; and a
 * supervisor's Listen and Whisper on such a call, which the agent's tab mixes and sends.
 */
@Service
public class VoiceService {

    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";
    private static final String SUPERVISES_AGENT = "@queueAccess.supervisesAgent(#queueId, #agentId)";

    private final ContactService contacts;
    private final CallContacts callContacts;
    private final AgentAvailability agents;
    private final WebCallStore store;
    private final SignalRelay relay;
    private final HoldMusicStore holdMusic;
    private final QueueService queues;
    private final AudioMessageService audio;
    private final AuditLog audit;
    private final Clock clock;
    /** As long as an agent without a dashboard takes to count as Disconnected. */
    private final Duration silenceBeforeHangUp;

    VoiceService(ContactService contacts, CallContacts callContacts, AgentAvailability agents, WebCallStore store,
            SignalRelay relay, HoldMusicStore holdMusic, QueueService queues, AudioMessageService audio, AuditLog audit,
            Clock clock, AgentProperties agentProperties) {
        this.clock = clock;
        this.silenceBeforeHangUp = agentProperties.disconnectedAfter();
        this.contacts = contacts;
        this.callContacts = callContacts;
        this.agents = agents;
        this.store = store;
        this.relay = relay;
        this.holdMusic = holdMusic;
        this.queues = queues;
        this.audio = audio;
        this.audit = audit;
    }

    /**
     * Ends the calls with audio whose agent's dashboard is gone (a closed tab: no heartbeat for the time
     * after which the agent also counts as Disconnected, {@code switchboard.agents.disconnected-after}),
     * the way the agent's End call does: the caller's page ends, or the colleague's call; the agent goes
     * to wrap-up. A reload comes back well within that time and keeps the call.
     *
     * @return how many calls ended
     */
    @Unrestricted("the sweep, on every node: it ends only calls whose agent has been silent for the disconnect time, whoever runs it")
    @Transactional
    public int endCallsOfSilentAgents() {
        int ended = 0;
        // The contact module knows which calls are connected and to whom, this one which carry audio, the
        // agent module whose dashboard went silent.
        Map<Long, Long> connected = callContacts.connected();
        Set<Long> audioCalls = new HashSet<>(store.webCallsAmong(connected.keySet()));
        audioCalls.addAll(callContacts.colleagueCallsAmong(connected.keySet()));
        Set<Long> silent = agents.silentSince(audioCalls.stream().map(connected::get).collect(Collectors.toSet()),
                clock.instant().minus(silenceBeforeHangUp));
        for (Long call : audioCalls) {
            long agentId = connected.get(call);
            if (silent.contains(agentId)) {
                SystemUser.run(() -> contacts.end(agentId, call));
                ended++;
            }
        }
        return ended;
    }

    /** Each call queue's hold music: queue id to recording id; a queue missing here plays the built-in tone. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Map<Long, Long> holdMusic() {
        return holdMusic.all();
    }

    /**
     * An admin chooses the recording web callers of a call queue hear while they wait or are held, or
     * (null) the built-in tone. Written to the audit log.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setHoldMusic(long queueId, Long audioMessageId) {
        QueueInfo queue = queues.findById(queueId).filter(q -> q.kind() == QueueKind.CALL)
                .orElseThrow(() -> new ValidationException("voice.error.hold-music-call-queue"));
        String detail;
        if (audioMessageId == null) {
            holdMusic.clear(queueId);
            detail = "built-in tone";
        } else {
            AudioMessage recording = audio.get(audioMessageId);
            if (recording.archived()) {
                throw new ValidationException("voice.error.recording-archived", recording.name());
            }
            holdMusic.set(queueId, audioMessageId);
            detail = recording.name();
        }
        audit.record("HOLD_MUSIC_SET", AuditTarget.queue(queueId, queue.name()), detail);
    }

    /**
     * The agent's open calls (offered, connected, in wrap-up) whose audio its softphone carries: web
     * calls, and calls between users (to or from a colleague's line).
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public Set<Long> audioCallsOf(long agentId) {
        List<Long> open = callContacts.openOf(agentId);
        Set<Long> calls = new HashSet<>(store.webCallsAmong(open));
        calls.addAll(callContacts.colleagueCallsAmong(open));
        return Set.copyOf(calls);
    }

    /**
     * The agent's softphone signals for the agent's own connected call: to the caller of a web call, or
     * to the colleague's softphone in a call between users. Any other call id (another agent's, an ended
     * one, one that carries no audio) is refused.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public void signal(long agentId, long contactId, SignalKind kind, String payload) {
        ContactView call = contacts.currentContactsOf(agentId).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new ConflictException("voice.error.not-your-call", contactId));
        if (openWebCallsOf(agentId).contains(contactId)) {
            relay.relay(call, Party.AGENT, kind, payload);
            return;
        }
        ContactView colleague = contacts.colleagueCall(contactId)
                .orElseThrow(() -> new ConflictException("voice.error.no-audio-here", contactId));
        if (call.state() != ContactState.CONNECTED || call.ringing()) {
            throw new ConflictException("voice.error.signal-not-connected");
        }
        relay.relay(colleague, Party.COLLEAGUE, kind, payload);
    }

    /**
     * The agent's tab signals a supervisor's Listen or Whisper connection (its offer and candidates), for
     * the agent's own connected call with audio.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public void monitorSignal(long agentId, long contactId, long supervisorId, SignalKind kind, String payload) {
        ContactView call = callWithAudio(agentId).filter(c -> c.id() == contactId)
                .orElseThrow(() -> new ConflictException("voice.error.not-your-call", contactId));
        relay.relay(call, Party.AGENT, kind, payload, supervisorId);
    }

    /**
     * A supervisor of one of the agent's queues listens to the agent's connected call, or whispers to the
     * agent ({@code whisper}); audited. The agent's tab then offers the supervisor's tab a connection
     * with both sides' audio. Returns the call.
     */
    @PreAuthorize(SUPERVISES_AGENT)
    @Transactional
    public long listen(long queueId, long agentId, boolean whisper) {
        ContactView call = callWithAudio(agentId)
                .orElseThrow(() -> new ConflictException("voice.error.agent-no-audio-call"));
        audit.record(whisper ? AuditAction.CALL_WHISPERED : AuditAction.CALL_LISTENED, AuditTarget.agent(agentId, call.agentUsername()),
                "Call " + call.id() + (call.queueName() == null ? "" : " · queue " + call.queueName()));
        relay.relay(call, Party.SUPERVISOR, SignalKind.MONITOR_STARTED, whisper ? "whisper" : "listen", supervisor());
        return call.id();
    }

    /** The supervisor's tab answers the agent's offer, or trickles a candidate, for the call it listens to. */
    @PreAuthorize(SUPERVISES_AGENT)
    @Transactional(readOnly = true)
    public void listenerSignal(long queueId, long agentId, long contactId, SignalKind kind, String payload) {
        if (kind != SignalKind.MONITOR_ANSWER && kind != SignalKind.MONITOR_CANDIDATE) {
            throw new ValidationException("voice.error.supervisor-cannot-send", kind);
        }
        ContactView call = callWithAudio(agentId).filter(c -> c.id() == contactId)
                .orElseThrow(() -> new ConflictException("voice.error.not-the-agents-call", contactId));
        relay.relay(call, Party.SUPERVISOR, kind, payload, supervisor());
    }

    /** The supervisor stops listening (or left the page): the agent's tab closes the connection. Nothing to do once the call is over. */
    @PreAuthorize(SUPERVISES_AGENT)
    @Transactional(readOnly = true)
    public void stopListening(long queueId, long agentId, long contactId) {
        callWithAudio(agentId).filter(c -> c.id() == contactId)
                .ifPresent(call -> relay.relay(call, Party.SUPERVISOR, SignalKind.MONITOR_ENDED, "", supervisor()));
    }

    /** The agent's connected call whose audio runs through its softphone, if any. */
    private Optional<ContactView> callWithAudio(long agentId) {
        Set<Long> webCalls = Set.copyOf(openWebCallsOf(agentId));
        return contacts.currentContactsOf(agentId).stream()
                .filter(call -> call.state() == ContactState.CONNECTED && !call.ringing())
                .filter(call -> webCalls.contains(call.id()) || contacts.colleagueCall(call.id()).isPresent())
                .findFirst();
    }

    /** The agent's open calls (offered, connected, in wrap-up) that are web calls. */
    private List<Long> openWebCallsOf(long agentId) {
        return store.webCallsAmong(callContacts.openOf(agentId));
    }

    private static long supervisor() {
        return SignedInUser.current("Only a signed-in supervisor listens to calls.").id();
    }
}
