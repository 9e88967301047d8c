package org.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.switchboard.RoutingFixture.as;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.common.PublicClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/**
 * A supervisor's Listen and Whisper: only on a connected call with audio of an agent of a queue it
 * supervises, audited; its connection's signals run between the supervisor and the agent's tab only.
 */
@SwitchboardTest
class CallListeningTest {

    @Autowired
    WebCallService webCalls;
    @Autowired
    VoiceService voice;
    @Autowired
    VoiceFeed feed;
    @Autowired
    ContactService contacts;
    @Autowired
    AuditLog audit;
    @Autowired
    RoutingFixture fixture;

    QueueInfo queue;
    UserSummary agent;
    UserSummary supervisor;
    List<CallSignalled> relayed = new CopyOnWriteArrayList<>();
    Broadcaster.Registration subscription;

    @BeforeEach
    void queueAgentAndSupervisor() {
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
        supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(queue, supervisor);
        subscription = feed.subscribe(update -> {
            if (update.signal() != null) {
                relayed.add(update.signal());
            }
        });
    }

    @AfterEach
    void unsubscribe() {
        subscription.remove();
    }

    long connectedWebCall() {
        WebCallService.Session call = webCalls.place(QueueInfo.slugOf(queue.name()), "Grace", null, new PublicClient(RoutingFixture.unique("client"), null));
        as(agent, () -> contacts.accept(agent.id(), call.contactId()));
        return call.contactId();
    }

    @Test
    void aSupervisorOfTheAgentsQueueListensAndItsConnectionIsSignalledWithTheAgentsTabOnly() {
        long call = connectedWebCall();

        assertThat(as(supervisor, () -> voice.listen(queue.id(), agent.id(), true))).isEqualTo(call);
        as(agent, () -> voice.monitorSignal(agent.id(), call, supervisor.id(), SignalKind.MONITOR_OFFER, WebCallServiceTest.SDP));
        as(supervisor, () -> voice.listenerSignal(queue.id(), agent.id(), call, SignalKind.MONITOR_ANSWER, WebCallServiceTest.SDP));
        as(supervisor, () -> voice.stopListening(queue.id(), agent.id(), call));

        assertThat(relayed).extracting(CallSignalled::contactId, CallSignalled::from, CallSignalled::kind, CallSignalled::payload,
                CallSignalled::supervisorId).containsExactly(
                        tuple(call, Party.SUPERVISOR, SignalKind.MONITOR_STARTED, "whisper", supervisor.id()),
                        tuple(call, Party.AGENT, SignalKind.MONITOR_OFFER, WebCallServiceTest.SDP, supervisor.id()),
                        tuple(call, Party.SUPERVISOR, SignalKind.MONITOR_ANSWER, WebCallServiceTest.SDP, supervisor.id()),
                        tuple(call, Party.SUPERVISOR, SignalKind.MONITOR_ENDED, "", supervisor.id()));
        assertThat(org.switchboard.security.SystemUser.call(() -> audit.find(new AuditFilter(supervisor.username(), AuditAction.CALL_WHISPERED, null, null), 0, 10)))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.targetId()).isEqualTo(agent.id());
                    assertThat(entry.detail()).isEqualTo("Call " + call + " · queue " + queue.name());
                });
    }

    @Test
    void aSupervisorOfOtherQueuesIsRefusedAndWritesNothing() {
        connectedWebCall();
        UserSummary foreign = fixture.user(Role.SUPERVISOR);
        fixture.supervise(fixture.queue(QueueKind.CALL, 0, 0), foreign);

        assertThatThrownBy(() -> as(foreign, () -> voice.listen(queue.id(), agent.id(), false))).isInstanceOf(AccessDeniedException.class);
        assertThat(relayed).isEmpty();
    }

    @Test
    void thereIsNothingToListenToWithoutACallWithAudioAndSignalsOfAnotherCallAreRefused() {
        assertThatThrownBy(() -> as(supervisor, () -> voice.listen(queue.id(), agent.id(), false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no call");
        long call = connectedWebCall();
        as(supervisor, () -> voice.listen(queue.id(), agent.id(), false));

        assertThatThrownBy(() -> as(supervisor, () -> voice.listenerSignal(queue.id(), agent.id(), call + 1, SignalKind.MONITOR_ANSWER,
                WebCallServiceTest.SDP))).as("a foreign call id").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(supervisor, () -> voice.listenerSignal(queue.id(), agent.id(), call, SignalKind.MONITOR_STARTED, "whisper")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(agent, () -> voice.monitorSignal(agent.id(), call, supervisor.id(), SignalKind.OFFER, WebCallServiceTest.SDP)))
                .as("the call's own kinds do not travel to a supervisor").isInstanceOf(ValidationException.class);

        as(agent, () -> contacts.end(agent.id(), call));
        assertThatThrownBy(() -> as(agent, () -> voice.monitorSignal(agent.id(), call, supervisor.id(), SignalKind.MONITOR_OFFER,
                WebCallServiceTest.SDP))).as("an ended call").isInstanceOf(ConflictException.class);
    }
}
