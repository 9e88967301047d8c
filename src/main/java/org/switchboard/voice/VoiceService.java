package org.switchboard.voice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentAvailability;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.CallContacts;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactView;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.security.SystemUser;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.voice.data.HoldMusicStore;
import org.switchboard.voice.data.WebCallStore;

/** The agent's side of web calls: which of its calls carry audio, and its softphone's signals. */
@Service
public class VoiceService {

    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";
    /** As long as an agent without a dashboard takes to count as Disconnected. */
    static final Duration SILENCE_BEFORE_HANG_UP = Duration.ofSeconds(60);

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

    VoiceService(ContactService contacts, CallContacts callContacts, AgentAvailability agents, WebCallStore store,
            SignalRelay relay, HoldMusicStore holdMusic, QueueService queues, AudioMessageService audio, AuditLog audit,
            Clock clock) {
        this.clock = clock;
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
     * Ends the web calls whose agent's dashboard is gone (a closed tab: no heartbeat for the 60 s after
     * which the agent also counts as Disconnected), the way the agent's End call does: the caller's page
     * ends, the agent goes to wrap-up. A reload comes back well within that time and keeps the call.
     *
     * @return how many calls ended
     */
    @Unrestricted("the sweep, on every node: it ends only calls whose agent has been silent for 60 s, whoever runs it")
    @Transactional
    public int endCallsOfSilentAgents() {
        int ended = 0;
        // The contact module knows which calls are connected and to whom, this one which carry audio, the
        // agent module whose dashboard went silent.
        Map<Long, Long> connected = callContacts.connected();
        List<Long> webCalls = store.webCallsAmong(connected.keySet());
        Set<Long> silent = agents.silentSince(webCalls.stream().map(connected::get).collect(Collectors.toSet()),
                clock.instant().minus(SILENCE_BEFORE_HANG_UP));
        for (Long call : webCalls) {
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

    /** The agent's open calls (offered, connected, in wrap-up) that are web calls, so its softphone carries their audio. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public Set<Long> webCallsOf(long agentId) {
        return Set.copyOf(store.webCallsAmong(callContacts.openOf(agentId)));
    }

    /**
     * The agent's softphone signals for the agent's own connected web call; any other call id (another
     * agent's, an ended one, one that carries no audio) is refused.
     */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public void signal(long agentId, long contactId, SignalKind kind, String payload) {
        ContactView call = contacts.currentContactsOf(agentId).stream().filter(c -> c.id() == contactId).findFirst()
                .orElseThrow(() -> new ConflictException("voice.error.not-your-call", contactId));
        if (store.webCallsAmong(List.of(contactId)).isEmpty()) {
            throw new ConflictException("voice.error.no-audio-here", contactId);
        }
        relay.relay(call, Party.AGENT, kind, payload);
    }
}
