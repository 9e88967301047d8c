package org.switchboard.voice;

import java.io.OutputStream;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.SessionTokens;
import org.switchboard.common.PublicClient;
import org.switchboard.common.TokenBuckets;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.CustomerAddresses;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.SystemUser;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.voice.data.HoldMusicStore;
import org.switchboard.voice.data.WebCallStore;

/**
 * The caller's side of a web call, for the public caller page: no sign-in, so the page holds a random
 * token (only its hash is stored) that is its only key to the call. A call enters its queue like any
 * inbound call (same dispatch, timers, metrics, history). Calls placed are limited per browser, and more generously per client address.
 */
@Service
@EnableConfigurationProperties(VoiceProperties.class)
@Unrestricted("the public caller page: callers without sign-in, each acting only on the call of its token, rate-limited")
public class WebCallService {

    /** What the caller's page keeps: the token and the call it opens. */
    public record Session(String token, long contactId) {
    }

    /** A queue's hold music as the caller page fetches it. */
    public record HoldMusic(long audioMessageId, String contentType, long sizeBytes) {
    }

    private final ContactService contacts;
    private final QueueService queues;
    private final WebCallStore store;
    private final HoldMusicStore holdMusic;
    private final AudioMessageService audio;
    private final SignalRelay relay;
    private final TokenBuckets<String> starts;
    private final TokenBuckets<String> addressStarts;
    private final java.time.Clock clock;
    private final CustomerAddresses addresses;

    WebCallService(ContactService contacts, QueueService queues, WebCallStore store, HoldMusicStore holdMusic,
            AudioMessageService audio, SignalRelay relay, VoiceProperties properties, java.time.Clock clock,
            CustomerAddresses addresses) {
        this.addresses = addresses;
        this.holdMusic = holdMusic;
        this.audio = audio;
        this.contacts = contacts;
        this.queues = queues;
        this.store = store;
        this.relay = relay;
        this.starts = new TokenBuckets<>(properties.startsBurst(), properties.startsPerSecond(), 50_000);
        this.addressStarts = new TokenBuckets<>(properties.addressStartsBurst(), properties.addressStartsPerSecond(), 50_000);
        this.clock = clock;
    }

    /** The call queue a caller page belongs to, by its name or its slug ("Sales" or "sales"). */
    @Transactional(readOnly = true)
    public QueueInfo queue(String nameOrSlug) {
        return callQueue(nameOrSlug);
    }

    private QueueInfo callQueue(String nameOrSlug) {
        String wanted = nameOrSlug == null ? "" : nameOrSlug.strip();
        return SystemUser.call(queues::findAll).stream()
                .filter(q -> q.kind() == QueueKind.CALL && q.answersTo(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("voice.error.no-such-line", wanted));
    }

    /** The recording a call queue plays to waiting and held callers; empty for the built-in tone. */
    @Transactional(readOnly = true)
    public Optional<HoldMusic> holdMusic(long queueId) {
        return recordedHoldMusic(queueId);
    }

    private Optional<HoldMusic> recordedHoldMusic(long queueId) {
        return holdMusic.of(queueId).map(id -> SystemUser.call(() -> audio.get(id)))
                .map(recording -> new HoldMusic(recording.id(), recording.format().contentType(), recording.sizeBytes()));
    }

    /**
     * Writes a queue's hold music for a caller page. Only a recording that is some queue's hold music
     * is public this way; any other library entry stays for signed-in users. Without a transaction, as
     * {@link AudioMessageService#copyAudio}: a slow listener never holds a connection.
     */
    public void copyHoldMusic(long queueId, OutputStream out) {
        HoldMusic music = recordedHoldMusic(queueId).orElseThrow(() -> new NotFoundException("voice.error.no-hold-music"));
        SystemUser.run(() -> audio.copyAudio(music.audioMessageId(), 0, music.sizeBytes(), out));
    }

    /** The caller places the call with a name and an optional phone number; it waits in the queue. */
    @Transactional
    public Session place(String queueName, String customerName, String phone, PublicClient client) {
        QueueInfo queue = callQueue(queueName);
        if (customerName == null || customerName.isBlank()) {
            throw new ValidationException("voice.error.name-required");
        }
        String address = phone == null || phone.isBlank() ? null : addresses.phone(phone);
        long wait = starts.acquire(client.browserKey());
        if (wait == 0) {
            wait = addressStarts.acquire(client.address());
        }
        if (wait > 0) {
            throw new ConflictException("voice.error.too-often", wait);
        }
        String token = SessionTokens.newToken();
        ContactView call = SystemUser.call(() -> contacts.create(
                new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE, customerName, address)));
        store.insert(call.id(), SessionTokens.hash(token), clock.instant());
        return new Session(token, call.id());
    }

    /** The call of a token; empty when the token is unknown (a stale page). */
    @Transactional(readOnly = true)
    public Optional<WebCall> call(String token) {
        return contactOf(token).map(contactId -> WebCall.of(SystemUser.call(() -> contacts.get(contactId))));
    }

    /** The caller's page answers the agent's offer or trickles a candidate. */
    @Transactional(readOnly = true)
    public void signal(String token, SignalKind kind, String payload) {
        long contactId = contactOf(token).orElseThrow(() -> new NotFoundException("voice.error.call-gone"));
        relay.relay(SystemUser.call(() -> contacts.get(contactId)), Party.CALLER, kind, payload);
    }

    /** The caller hangs up (or closed the page): while waiting an abandon, while connected the talk ends. */
    @Transactional
    public void hangUp(String token) {
        long contactId = contactOf(token).orElseThrow(() -> new NotFoundException("voice.error.call-gone"));
        SystemUser.run(() -> {
            if (!WebCall.of(contacts.get(contactId)).ended()) {
                contacts.customerLeft(contactId);
            }
        });
    }

    private Optional<Long> contactOf(String token) {
        return SessionTokens.plausible(token) ? store.contactOfToken(SessionTokens.hash(token)) : Optional.empty();
    }
}
