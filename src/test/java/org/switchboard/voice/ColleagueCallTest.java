package org.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.common.Broadcaster;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactTimers;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.Outcome;
import org.switchboard.productivity.DayActivity;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Calls between users: dialing a colleague's line rings the colleague's dashboard as a direct call, its
 * audio runs softphone to softphone through the same checked signalling as a web call, and each side's
 * end ends the other's. A number that is no line stays a call of the telephony platform.
 */
@SwitchboardTest
class ColleagueCallTest {

    @Autowired
    VoiceService voice;
    @Autowired
    VoiceFeed feed;
    @Autowired
    ContactService contacts;
    @Autowired
    ContactTimers timers;
    @Autowired
    ProductivityService productivity;
    @Autowired
    AgentStatusService agents;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;

    UserSummary caller;
    UserSummary callee;
    UserSummary stranger;
    String calleeLine;
    List<CallSignalled> relayed = new CopyOnWriteArrayList<>();
    Broadcaster.Registration subscription;

    @BeforeEach
    void twoAgentsWithLines() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        List<UserSummary> ready = fixture.readyAgents(3, queue);
        caller = ready.get(0);
        callee = ready.get(1);
        stranger = ready.get(2);
        calleeLine = RoutingFixture.uniqueLine();
        fixture.giveLines(caller, RoutingFixture.uniqueLine());
        fixture.giveLines(callee, calleeLine);
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

    ContactView dial() {
        return as(caller, () -> contacts.callOut(caller.id(), calleeLine));
    }

    ContactView offerOf(UserSummary agent) {
        return as(agent, () -> contacts.currentContactsOf(agent.id())).getFirst();
    }

    ContactView get(long contactId) {
        return SystemUser.call(() -> contacts.get(contactId));
    }

    DayActivity today(UserSummary agent) {
        return SystemUser.call(() -> productivity.today(agent.id(), productivity.currentDay())).today();
    }

    @Test
    void dialingAColleaguesLineRingsItsDashboardAndAnsweringConnectsBoth() {
        ContactView made = dial();
        assertThat(made.type()).isEqualTo(ContactType.DIRECT_CALL_OUT);
        assertThat(made.ringing()).as("it rings until the colleague answers").isTrue();
        assertThat(made.customerName()).isEqualTo(callee.displayName());
        ContactView offer = offerOf(callee);
        assertThat(offer.type()).isEqualTo(ContactType.DIRECT_CALL_IN);
        assertThat(offer.state()).isEqualTo(ContactState.OFFERED);
        assertThat(offer.customerName()).isEqualTo(caller.displayName());
        assertThat(as(callee, () -> voice.audioCallsOf(callee.id()))).containsExactly(offer.id());

        as(callee, () -> contacts.accept(callee.id(), offer.id()));

        assertThat(get(made.id()).ringing()).isFalse();
        assertThat(get(made.id()).connectedAt()).isNotNull();
        assertThat(as(caller, () -> voice.audioCallsOf(caller.id()))).containsExactly(made.id());
        assertThat(today(caller).nonQueueCallsMade()).isEqualTo(1);
        assertThat(today(caller).nonQueueCallsAnswered()).isZero();
        assertThat(today(callee).nonQueueCallsAnswered()).isEqualTo(1);
        assertThat(today(callee).nonQueueCallsMade()).isZero();

        as(callee, () -> contacts.end(callee.id(), offer.id()));

        assertThat(get(made.id()).state()).as("the callee's hang-up ends the caller's call").isEqualTo(ContactState.ENDED);
        assertThat(get(made.id()).outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(get(offer.id()).outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(as(caller, () -> contacts.currentContactsOf(caller.id()))).isEmpty();
    }

    @Test
    void eachSideSignalsTheOthersSoftphoneOnlyForItsOwnConnectedCall() {
        ContactView made = dial();
        ContactView offer = offerOf(callee);
        assertThatThrownBy(() -> as(caller, () -> voice.signal(caller.id(), made.id(), SignalKind.OFFER, WebCallServiceTest.SDP)))
                .as("still ringing").isInstanceOf(ConflictException.class);
        as(callee, () -> contacts.accept(callee.id(), offer.id()));

        as(caller, () -> voice.signal(caller.id(), made.id(), SignalKind.OFFER, WebCallServiceTest.SDP));
        as(callee, () -> voice.signal(callee.id(), offer.id(), SignalKind.ANSWER, WebCallServiceTest.SDP));
        as(callee, () -> voice.signal(callee.id(), offer.id(), SignalKind.CANDIDATE, WebCallServiceTest.OWN_INTERFACE));

        assertThat(relayed).extracting(CallSignalled::contactId, CallSignalled::agentId, CallSignalled::from, CallSignalled::kind)
                .as("each addressed to the other side's call; the candidate outside loopback is dropped")
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(offer.id(), callee.id(), Party.COLLEAGUE, SignalKind.OFFER),
                        org.assertj.core.groups.Tuple.tuple(made.id(), caller.id(), Party.COLLEAGUE, SignalKind.ANSWER));
        assertThatThrownBy(() -> as(stranger, () -> voice.signal(stranger.id(), made.id(), SignalKind.OFFER, WebCallServiceTest.SDP)))
                .as("a foreign call id").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> as(caller, () -> voice.signal(caller.id(), made.id(), SignalKind.OFFER, "not sdp")))
                .isInstanceOf(ValidationException.class);

        as(caller, () -> contacts.end(caller.id(), made.id()));
        assertThatThrownBy(() -> as(callee, () -> voice.signal(callee.id(), offer.id(), SignalKind.OFFER, WebCallServiceTest.SDP)))
                .as("a stale call id").isInstanceOf(ConflictException.class);
        assertThat(get(offer.id()).state()).isEqualTo(ContactState.ENDED);
    }

    @Test
    void aColleagueWhoDoesNotAnswerMissesTheCallAndTheCallersCallEnds() {
        ContactView made = dial();
        ContactView offer = offerOf(callee);

        clock.advance(Duration.ofSeconds(21));
        SystemUser.call(timers::expireOffers);

        assertThat(get(offer.id()).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(get(made.id()).state()).isEqualTo(ContactState.ENDED);
        assertThat(get(made.id()).outcome()).as("never reached").isEqualTo(Outcome.INCOMPLETE);
        assertThat(today(callee).nonQueueCallsAnswered()).as("a missed call is not answered").isZero();
        assertThat(today(caller).nonQueueCallsMade()).as("made, reached or not").isEqualTo(1);
    }

    @Test
    void theCallerHangingUpWhileItRingsWithdrawsTheColleaguesOffer() {
        ContactView made = dial();
        ContactView offer = offerOf(callee);

        as(caller, () -> contacts.end(caller.id(), made.id()));

        assertThat(get(offer.id()).outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(SystemUser.call(() -> agents.status(callee.id())).activity()).isEqualTo(org.switchboard.agent.Activity.IDLE);
    }

    @Test
    void aBusyColleagueMissesTheCallAtOnce() {
        as(stranger, () -> contacts.callOut(stranger.id(), "+1 555 0100"));
        fixture.giveLines(stranger, calleeLine + "9");

        ContactView made = as(caller, () -> contacts.callOut(caller.id(), calleeLine + "9"));

        assertThat(made.state()).isEqualTo(ContactState.ENDED);
        assertThat(made.outcome()).isEqualTo(Outcome.INCOMPLETE);
    }

    @Test
    void aNumberThatIsNoLineGoesToThePhoneSystemWithoutAudioHere() {
        ContactView made = as(caller, () -> contacts.callOut(caller.id(), "+1 555 0101"));

        assertThat(made.connectAt()).as("the platform's ring time, then connected").isNotNull();
        assertThat(made.customerAddress()).isEqualTo("+15550101");
        assertThat(as(caller, () -> voice.audioCallsOf(caller.id()))).isEmpty();
        assertThatThrownBy(() -> as(caller, () -> contacts.callOut(caller.id(), "nobody's-line")))
                .as("neither a line nor a phone number").isInstanceOf(ValidationException.class);
        as(caller, () -> contacts.end(caller.id(), made.id()));
    }

    @Test
    void anAgentCannotCallItsOwnLine() {
        assertThatThrownBy(() -> as(callee, () -> contacts.callOut(callee.id(), calleeLine)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("own line");
    }

    @Test
    void aCallBetweenUsersEndsWhenOneDashboardIsGoneForAMinute() {
        ContactView made = dial();
        ContactView offer = offerOf(callee);
        as(callee, () -> contacts.accept(callee.id(), offer.id()));
        as(caller, () -> agents.heartbeat(caller.id()));
        clock.advance(Duration.ofSeconds(50));
        as(callee, () -> agents.heartbeat(callee.id()));
        clock.advance(Duration.ofSeconds(11));

        voice.endCallsOfSilentAgents();

        assertThat(get(made.id()).state()).isEqualTo(ContactState.ENDED);
        assertThat(get(offer.id()).state()).as("the colleague's side ends as on a hang-up").isEqualTo(ContactState.ENDED);
    }
}
