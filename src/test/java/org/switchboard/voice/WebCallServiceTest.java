package org.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.common.PublicClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.audit.AuditLog;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.Outcome;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * A web call's life and its signalling: the call is an inbound call of its queue; each party signals
 * only for its own connected call, within sizes and rates; candidates outside the configured networks
 * (loopback in tests) are not relayed.
 */
@SwitchboardTest
class WebCallServiceTest {

    static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n";
    static final String LOOPBACK = "candidate:1 1 udp 2122194687 127.0.0.1 39963 typ host generation 0";
    static final String OWN_INTERFACE = "candidate:2 1 udp 2122260223 192.0.2.2 40000 typ host generation 0";

    @Autowired
    WebCallService webCalls;
    @Autowired
    VoiceProperties voiceProperties;
    @Autowired
    VoiceService voice;
    @Autowired
    VoiceFeed feed;
    @Autowired
    ContactService contacts;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    AudioMessageService audio;
    @Autowired
    AuditLog auditLog;
    @Autowired
    org.switchboard.agent.AgentStatusService agents;
    @Autowired
    org.switchboard.MutableClock clock;

    QueueInfo queue;
    UserSummary agent;
    List<CallSignalled> relayed = new CopyOnWriteArrayList<>();
    Broadcaster.Registration subscription;

    @BeforeEach
    void queueAndAgent() {
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
        subscription = feed.subscribe(update -> {
            if (update.signal() != null) {
                relayed.add(update.signal());
            }
        });
    }

    @AfterEach
    void unsubscribe() {
        subscription.remove();
        clock.reset();
    }

    /** A caller places a call from its own address, so the per-address limit of one test does not touch another's. */
    WebCallService.Session place(String name) {
        return webCalls.place(QueueInfo.slugOf(queue.name()), name, null, new PublicClient(RoutingFixture.unique("client"), null));
    }

    WebCallService.Session connected() {
        WebCallService.Session call = place("Grace");
        as(agent, () -> contacts.accept(agent.id(), call.contactId()));
        return call;
    }

    @Test
    void aWebCallIsAnInboundCallOfItsQueueOfferedLikeAnyOther() {
        WebCallService.Session call = webCalls.place(queue.name(), "Grace", "+1 555 0107", new PublicClient(RoutingFixture.unique("client"), null));

        var contact = SystemUser.call(() -> contacts.get(call.contactId()));
        assertThat(contact.type()).isEqualTo(ContactType.INBOUND_CALL);
        assertThat(contact.queueId()).isEqualTo(queue.id());
        assertThat(contact.customerAddress()).isEqualTo("+15550107");
        assertThat(contact.state()).isEqualTo(ContactState.OFFERED);
        assertThat(contact.agentId()).isEqualTo(agent.id());
        assertThat(webCalls.call(call.token()).orElseThrow().waiting()).isTrue();
        assertThat(as(agent, () -> voice.audioCallsOf(agent.id()))).containsExactly(call.contactId());
        assertThat(webCalls.call("not-a-token")).isEmpty();
    }

    @Test
    void theAgentOffersTheCallerAnswersAndCandidatesOutsideTheNetworksAreDropped() {
        WebCallService.Session call = connected();

        as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.OFFER,
                SDP + "a=" + LOOPBACK + "\r\na=" + OWN_INTERFACE + "\r\n"));
        webCalls.signal(call.token(), SignalKind.ANSWER, SDP);
        webCalls.signal(call.token(), SignalKind.CANDIDATE, LOOPBACK);
        webCalls.signal(call.token(), SignalKind.CANDIDATE, OWN_INTERFACE);
        as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.HELD, null));

        assertThat(relayed).extracting(CallSignalled::from, CallSignalled::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Party.AGENT, SignalKind.OFFER),
                org.assertj.core.groups.Tuple.tuple(Party.CALLER, SignalKind.ANSWER),
                org.assertj.core.groups.Tuple.tuple(Party.CALLER, SignalKind.CANDIDATE),
                org.assertj.core.groups.Tuple.tuple(Party.AGENT, SignalKind.HELD));
        assertThat(relayed.getFirst().payload()).contains(LOOPBACK).doesNotContain("192.0.2.2");
        assertThat(relayed.get(2).payload()).isEqualTo(LOOPBACK);
        assertThat(relayed).allSatisfy(signal -> assertThat(signal.agentId()).isEqualTo(agent.id()));
    }

    @Test
    void eachPartySignalsOnlyWhatItMayForItsOwnConnectedCall() {
        WebCallService.Session call = place("Ada");
        assertThatThrownBy(() -> as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.OFFER, SDP)))
                .as("an offer for a call not yet accepted").isInstanceOf(ConflictException.class);
        as(agent, () -> contacts.accept(agent.id(), call.contactId()));

        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.OFFER, SDP)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.HELD, "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.ANSWER, SDP)))
                .isInstanceOf(ValidationException.class);
        UserSummary other = fixture.readyAgents(1, fixture.queue(QueueKind.CALL, 0, 0)).getFirst();
        assertThatThrownBy(() -> as(other, () -> voice.signal(other.id(), call.contactId(), SignalKind.OFFER, SDP)))
                .as("another agent's call").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> webCalls.signal("someone-elses-token", SignalKind.ANSWER, SDP)).isInstanceOf(NotFoundException.class);

        as(agent, () -> contacts.end(agent.id(), call.contactId()));
        assertThatThrownBy(() -> as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.OFFER, SDP)))
                .as("a call that ended").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.ANSWER, SDP)).isInstanceOf(ConflictException.class);
        assertThat(relayed).isEmpty();
    }

    @Test
    void oversizeMalformedAndTooFastSignalsAreRefused() {
        WebCallService.Session call = connected();

        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.ANSWER, SDP + "a=x:" + "y".repeat(17_000) + "\r\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("longer than 16384 bytes");
        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.ANSWER, "<html>")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.CANDIDATE, "candidate:" + "1".repeat(600)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> webCalls.signal(call.token(), SignalKind.CANDIDATE, "candidate:x\r\na=evil"))
                .isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                webCalls.signal(call.token(), SignalKind.CANDIDATE, LOOPBACK);
            }
        }).isInstanceOf(ConflictException.class).hasMessageContaining("Too many signals");
        // The caller's flood does not use up the agent's own rate.
        as(agent, () -> voice.signal(agent.id(), call.contactId(), SignalKind.CANDIDATE, LOOPBACK));
    }

    @Test
    void hangingUpWhileWaitingAbandonsAndWhileConnectedEndsTheTalk() {
        WebCallService.Session waiting = place("Edsger");
        webCalls.hangUp(waiting.token());
        var abandoned = SystemUser.call(() -> contacts.get(waiting.contactId()));
        assertThat(abandoned.outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(webCalls.call(waiting.token()).orElseThrow().ended()).isTrue();

        WebCallService.Session talking = connected();
        webCalls.hangUp(talking.token());
        assertThat(SystemUser.call(() -> contacts.get(talking.contactId())).state()).isEqualTo(ContactState.WRAP_UP);
        // Hanging up twice (the button, then the closed tab) changes nothing more.
        webCalls.hangUp(talking.token());
        assertThat(SystemUser.call(() -> contacts.get(talking.contactId())).state()).isEqualTo(ContactState.WRAP_UP);
    }

    @Test
    void anAdminChoosesAQueuesHoldMusicWhichCallerPagesFetchAndTheAuditLogRecords() {
        UserSummary admin = fixture.user(org.switchboard.security.Role.ADMIN);
        var recording = as(admin, () -> audio.create(new AudioMessageForm(RoutingFixture.unique("Hold"), "", java.util.Set.of()),
                AudioSamples.file(AudioSamples.wav(500), ".wav")));
        assertThat(webCalls.holdMusic(queue.id())).as("the built-in tone").isEmpty();

        as(admin, () -> voice.setHoldMusic(queue.id(), recording.id()));
        assertThat(as(admin, () -> voice.holdMusic())).containsEntry(queue.id(), recording.id());
        var music = webCalls.holdMusic(queue.id()).orElseThrow();
        assertThat(music.contentType()).isEqualTo("audio/wav");
        java.io.ByteArrayOutputStream fetched = new java.io.ByteArrayOutputStream();
        webCalls.copyHoldMusic(queue.id(), fetched);
        assertThat(fetched.size()).isEqualTo(recording.sizeBytes());
        assertThat(as(admin, () -> auditLog.find(new org.switchboard.audit.AuditFilter(null, "HOLD_MUSIC_SET", null, null), 0, 10)))
                .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo(recording.name()));

        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        assertThatThrownBy(() -> as(admin, () -> voice.setHoldMusic(chats.id(), recording.id()))).isInstanceOf(ValidationException.class);
        as(admin, () -> audio.setArchived(recording.id(), true));
        assertThatThrownBy(() -> as(admin, () -> voice.setHoldMusic(queue.id(), recording.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("archived");
        as(admin, () -> voice.setHoldMusic(queue.id(), null));
        assertThat(webCalls.holdMusic(queue.id())).isEmpty();
        assertThatThrownBy(() -> webCalls.copyHoldMusic(queue.id(), new java.io.ByteArrayOutputStream()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCallWhoseAgentsDashboardIsGoneFor60SecondsEndsLikeTheAgentsEndCall() {
        WebCallService.Session kept = connected();
        as(agent, () -> agents.heartbeat(agent.id()));
        clock.advance(java.time.Duration.ofSeconds(50));
        assertThat(voice.endCallsOfSilentAgents()).as("a reload comes back within the minute").isZero();
        clock.advance(java.time.Duration.ofSeconds(11));

        // Calls other tests left connected in the shared database end in the same sweep.
        assertThat(voice.endCallsOfSilentAgents()).isPositive();
        assertThat(SystemUser.call(() -> contacts.get(kept.contactId())).state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(webCalls.call(kept.token()).orElseThrow().ended()).isTrue();
        assertThat(voice.endCallsOfSilentAgents()).isZero();
    }

    @Test
    void callsPlacedAreLimitedPerClientAndNeedANameAndALine() {
        String client = RoutingFixture.unique("client");
        for (int i = 0; i < voiceProperties.startsBurst(); i++) {
            webCalls.hangUp(webCalls.place(queue.name(), "Caller " + i, null, new PublicClient(client, null)).token());
        }
        assertThatThrownBy(() -> webCalls.place(queue.name(), "One call too many", null, new PublicClient(client, null)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("calling too often");
        assertThatThrownBy(() -> webCalls.place(queue.name(), " ", null, new PublicClient(RoutingFixture.unique("client"), null)))
                .isInstanceOf(ValidationException.class);
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        assertThatThrownBy(() -> webCalls.place(chats.name(), "Grace", null, new PublicClient(RoutingFixture.unique("client"), null)))
                .as("a chat queue takes no calls").isInstanceOf(NotFoundException.class);
    }

    @Test
    void callersBehindOneAddressEachHaveTheirBrowsersAllowanceUnderTheAddressCeiling() {
        String office = RoutingFixture.unique("office");
        PublicClient first = new PublicClient(office, "caller-browser-0001");
        for (int i = 0; i < voiceProperties.startsBurst(); i++) {
            webCalls.hangUp(webCalls.place(queue.name(), "Caller " + i, null, first).token());
        }
        assertThatThrownBy(() -> webCalls.place(queue.name(), "One call too many", null, first))
                .as("one browser's allowance").isInstanceOf(ConflictException.class).hasMessageContaining("calling too often");
        webCalls.hangUp(webCalls.place(queue.name(), "A colleague", null, new PublicClient(office, "caller-browser-0002")).token());

        // Every browser behind the address places calls until the address's own ceiling refuses one; the
        // ceiling refills meanwhile (half a call a second), so the count may pass the burst by a little.
        int placed = voiceProperties.startsBurst() + 1;
        ConflictException refused = null;
        while (refused == null && placed < voiceProperties.addressStartsBurst() + 50) {
            try {
                webCalls.hangUp(webCalls.place(queue.name(), "Colleague " + placed, null,
                        new PublicClient(office, "caller-browser-" + (1000 + placed))).token());
                placed++;
            } catch (ConflictException e) {
                refused = e;
            }
        }
        assertThat(refused).as("the address's own ceiling").isNotNull();
        assertThat(refused.getMessage()).contains("calling too often");
        assertThat(placed).isBetween(voiceProperties.addressStartsBurst(), voiceProperties.addressStartsBurst() + 10);
    }
}
