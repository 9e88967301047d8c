package org.switchboard.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.Activity;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.agent.PresenceState;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.contact.Outcome;
import org.switchboard.contact.WrapUpEndedBy;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** Every transition and timer of a contact, with the clock moved by hand. */
@SwitchboardTest
class ContactLifecycleTest {

    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    Sweeper sweeper;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A new call, as it stands once the dispatcher has run after its creation committed. */
    ContactView call(QueueInfo queue) {
        return reload(SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Grace Hopper", "+1 555 0100"))));
    }

    ContactView reload(ContactView contact) {
        return SystemUser.call(() -> contacts.get(contact.id()));
    }

    /** A step's result with the names it does not read (its queue's, its agent's), as the API shows it. */
    ContactView named(ContactView contact) {
        return SystemUser.call(() -> contacts.named(contact));
    }

    List<String> eventTypes(ContactView contact) {
        return jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ? ORDER BY id").param(contact.id()).query(String.class).list();
    }

    @Test
    void aCallIsOfferedAcceptedEndedWrappedUpByTimeAndHandled() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();

        ContactView offered = call(queue);
        assertThat(offered.state()).isEqualTo(ContactState.OFFERED);
        assertThat(offered.agentId()).isEqualTo(agent.id());
        assertThat(offered.offerExpiresAt()).isEqualTo(offered.offeredAt().plusSeconds(20));
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.OFFERED);

        clock.advance(Duration.ofSeconds(3));
        ContactView connected = as(agent, () -> contacts.accept(agent.id(), offered.id()));
        assertThat(connected.state()).isEqualTo(ContactState.CONNECTED);
        assertThat(connected.connectedAt()).isNotNull();
        assertThat(connected.ringing()).isFalse();

        clock.advance(Duration.ofMinutes(4));
        ContactView wrapUp = as(agent, () -> contacts.end(agent.id(), offered.id()));
        assertThat(wrapUp.state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(wrapUp.wrapUpEndsAt()).isEqualTo(wrapUp.endedAt().plusSeconds(30));
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.WRAP_UP);

        clock.advance(Duration.ofSeconds(29));
        sweeper.sweep();
        assertThat(reload(offered).state()).isEqualTo(ContactState.WRAP_UP);
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        ContactView ended = reload(offered);
        assertThat(ended.state()).isEqualTo(ContactState.ENDED);
        assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(ended.wrapUpEndedBy()).isEqualTo(WrapUpEndedBy.TIME);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.IDLE);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).idleSince()).isEqualTo(clock.instant());
        assertThat(eventTypes(offered)).containsExactly("CREATED", "OFFERED", "ACCEPTED", "ENDED_BY_AGENT", "WRAP_UP_ENDED");
    }

    @Test
    void anOfferThatRingsOutGoesBackToItsPlaceAndMissesPauseTheAgent() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView first = call(queue);
        clock.advance(Duration.ofSeconds(1));
        ContactView second = call(queue);
        assertThat(reload(second).state()).isEqualTo(ContactState.QUEUED);

        for (int miss = 1; miss <= 3; miss++) {
            clock.advance(Duration.ofSeconds(21));
            sweeper.sweep();
            ContactView again = reload(first);
            if (miss < 3) {
                // Back at its old place, it is the oldest and is offered again at once.
                assertThat(again.state()).isEqualTo(ContactState.OFFERED);
                assertThat(again.queuedAt()).isEqualTo(first.queuedAt());
                assertThat(SystemUser.call(() -> agents.status(agent.id())).missedInRow()).isEqualTo(miss);
            }
        }
        var status = SystemUser.call(() -> agents.status(agent.id()));
        assertThat(status.queues()).allSatisfy(q -> {
            assertThat(q.state()).isEqualTo(PresenceState.PAUSED);
            assertThat(q.pauseReason()).isEqualTo(PauseReason.MISSED_OFFERS);
        });
        assertThat(reload(first).state()).isEqualTo(ContactState.QUEUED);
        assertThat(eventTypes(first)).containsSubsequence("OFFERED", "OFFER_TIMED_OUT", "OFFERED", "OFFER_TIMED_OUT", "OFFERED", "OFFER_TIMED_OUT");
        assertThatThrownBy(() -> as(agent, () -> contacts.accept(agent.id(), first.id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCallWaitingPastTheMaximumTimesOut() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        ContactView waiting = call(queue);
        clock.advance(Duration.ofSeconds(599));
        sweeper.sweep();
        assertThat(reload(waiting).state()).isEqualTo(ContactState.QUEUED);
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        assertThat(reload(waiting).outcome()).isEqualTo(Outcome.TIMED_OUT);
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsAbandonedAndFeedsTheCampaign() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        QueueSettings c = QueueSettings.defaults(RoutingFixture.unique("campaign"), QueueKind.CAMPAIGN);
        QueueInfo campaign = fixture.queue(new QueueSettings(c.name(), c.kind(), 20, 10, 0, 600, 20, 1, 0, 3, java.util.Set.of(queue.id())));
        ContactView waiting = call(queue);

        ContactView left = SystemUser.call(() -> contacts.customerLeft(waiting.id()));
        assertThat(left.outcome()).isEqualTo(Outcome.ABANDONED);
        List<org.switchboard.contact.WaitingContact> undialed = SystemUser.call(() -> contacts.waiting(campaign.id()));
        assertThat(undialed).hasSize(1);
        assertThat(SystemUser.call(() -> contacts.get(undialed.getFirst().id()))).satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(ContactType.CAMPAIGN_CALL);
            assertThat(entry.sourceContactId()).isEqualTo(waiting.id());
            assertThat(entry.customerAddress()).isEqualTo("+15550100");
        });
    }

    @Test
    void aCallerWhoHangsUpDuringTheOfferFreesTheAgent() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView offered = call(queue);
        SystemUser.run(() -> contacts.customerLeft(offered.id()));
        assertThat(reload(offered).outcome()).isEqualTo(Outcome.ABANDONED);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.IDLE);
    }

    @Test
    void aCallerWhoHangsUpWhileConnectedStartsWrapUpAndTheAgentEndsIt() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView offered = call(queue);
        as(agent, () -> contacts.accept(agent.id(), offered.id()));
        ContactView wrapUp = SystemUser.call(() -> contacts.customerLeft(offered.id()));
        assertThat(wrapUp.state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(wrapUp.wrapUpEndsAt()).as("0 s wrap-up lasts until the agent ends it").isNull();
        clock.advance(Duration.ofHours(1));
        sweeper.sweep();
        assertThat(reload(offered).state()).isEqualTo(ContactState.WRAP_UP);

        as(agent, () -> contacts.endWrapUp(agent.id()));
        assertThat(reload(offered).wrapUpEndedBy()).isEqualTo(WrapUpEndedBy.AGENT);
        assertThatThrownBy(() -> as(agent, () -> contacts.endWrapUp(agent.id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aSupervisorOfTheQueueEndsWrapUpOthersMayNot() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        UserSummary stranger = fixture.user(Role.SUPERVISOR);
        UserSummary otherAgent = fixture.user(Role.AGENT);
        fixture.supervise(queue, supervisor);
        ContactView offered = call(queue);
        as(agent, () -> contacts.accept(agent.id(), offered.id()));
        as(agent, () -> contacts.end(agent.id(), offered.id()));

        assertThatThrownBy(() -> as(stranger, () -> contacts.endWrapUpFor(agent.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(otherAgent, () -> contacts.endWrapUp(agent.id()))).isInstanceOf(AccessDeniedException.class);
        as(supervisor, () -> contacts.endWrapUpFor(agent.id()));
        assertThat(reload(offered).wrapUpEndedBy()).isEqualTo(WrapUpEndedBy.SUPERVISOR);
        Long actor = jdbc.sql("SELECT actor_id FROM contact_event WHERE contact_id = ? AND type = 'WRAP_UP_ENDED'")
                .param(offered.id()).query(Long.class).single();
        assertThat(actor).isEqualTo(supervisor.id());
    }

    @Test
    void wrapUpCanBeExtendedOnce() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView offered = call(queue);
        as(agent, () -> contacts.accept(agent.id(), offered.id()));
        ContactView wrapUp = as(agent, () -> contacts.end(agent.id(), offered.id()));
        ContactView extended = as(agent, () -> contacts.extendWrapUp(agent.id(), offered.id()));
        assertThat(extended.wrapUpEndsAt()).isEqualTo(wrapUp.wrapUpEndsAt().plusSeconds(30));
        assertThatThrownBy(() -> as(agent, () -> contacts.extendWrapUp(agent.id(), offered.id()))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aPauseAskedForDuringACallAppliesWhenWrapUpEnds() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 10);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        long lunch = SystemUser.call(() -> reasons.findByName("Lunch")).orElseThrow().id();
        ContactView offered = call(queue);
        as(agent, () -> contacts.accept(agent.id(), offered.id()));

        var pending = as(agent, () -> agents.setGlobal(agent.id(), GlobalAction.PAUSE, lunch));
        assertThat(pending.pending().action()).isEqualTo(GlobalAction.PAUSE);
        assertThat(pending.overall()).isEqualTo(PresenceState.READY);

        as(agent, () -> contacts.end(agent.id(), offered.id()));
        clock.advance(Duration.ofSeconds(11));
        sweeper.sweep();
        var after = SystemUser.call(() -> agents.status(agent.id()));
        assertThat(after.pending()).isNull();
        assertThat(after.overall()).isEqualTo(PresenceState.PAUSED);
        assertThat(after.queues().getFirst().pauseReason()).isEqualTo("Lunch");
        // Paused, so a new call waits.
        assertThat(call(queue).state()).isEqualTo(ContactState.QUEUED);
    }

    @Test
    void aLogoutChosenWhileAnOfferRingsAppliesWhenTheOfferRingsOut() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView ringing = call(queue);
        assertThat(ringing.agentId()).isEqualTo(agent.id());

        var pending = as(agent, () -> agents.setGlobal(agent.id(), GlobalAction.LOGOUT, null));
        assertThat(pending.pending().action()).isEqualTo(GlobalAction.LOGOUT);

        clock.advance(Duration.ofSeconds(21));
        sweeper.sweep();
        var after = SystemUser.call(() -> agents.status(agent.id()));
        assertThat(after.pending()).isNull();
        assertThat(after.activity()).isEqualTo(Activity.IDLE);
        assertThat(after.queues()).singleElement().satisfies(q -> assertThat(q.state()).isEqualTo(PresenceState.LOGGED_OUT));
        // Logged out, so the call waits for somebody else instead of ringing the same agent again.
        assertThat(reload(ringing).state()).isEqualTo(ContactState.QUEUED);
    }

    @Test
    void aPauseChosenWhileAnOfferRingsAppliesWhenTheCallerHangsUp() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        long lunch = SystemUser.call(() -> reasons.findByName("Lunch").orElseThrow().id());
        ContactView ringing = call(queue);
        as(agent, () -> agents.setGlobal(agent.id(), GlobalAction.PAUSE, lunch));

        SystemUser.run(() -> contacts.customerLeft(ringing.id()));
        var after = SystemUser.call(() -> agents.status(agent.id()));
        assertThat(after.pending()).isNull();
        assertThat(after.queues()).singleElement().satisfies(q -> {
            assertThat(q.state()).isEqualTo(PresenceState.PAUSED);
            assertThat(q.pauseReason()).isEqualTo("Lunch");
        });
    }

    /** The service returns (and publishes) each step's contact without reading it again: it must be what is stored. */
    @Test
    void eachStepReturnsTheContactAsStored() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        clock.advance(Duration.ofNanos(123_456_789)); // sub-millisecond digits the row cannot keep
        ContactView waiting = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.CALLBACK_REQUEST,
                Channel.VOICE, "Ada", "+44 20 7946 0000")));
        assertThat(waiting).isEqualTo(reload(waiting));

        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView offered = reload(waiting);
        assertThat(offered.state()).isEqualTo(ContactState.OFFERED);
        ContactView dialing = as(agent, () -> contacts.accept(agent.id(), offered.id()));
        assertThat(dialing.ringing()).isTrue();
        assertThat(dialing.queueName()).as("a step reads no other module's names").isNull();
        assertThat(named(dialing)).isEqualTo(reload(offered));

        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();
        clock.advance(Duration.ofMillis(61_007));
        ContactView wrapUp = as(agent, () -> contacts.end(agent.id(), offered.id()));
        assertThat(wrapUp.state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(named(wrapUp)).isEqualTo(reload(offered));

        clock.advance(Duration.ofMillis(4_321));
        ContactView ended = as(agent, () -> contacts.endWrapUp(agent.id()));
        assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
        assertThat(named(ended)).isEqualTo(reload(offered));
    }

    @Test
    void aCallbackRingsTheCustomerThenConnects() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView callback = reload(SystemUser.call(() -> contacts.create(new NewContact(queue.name(),
                ContactType.CALLBACK_REQUEST, Channel.VOICE, "Ada", "+44 20 7946 0000"))));
        assertThat(callback.state()).isEqualTo(ContactState.OFFERED);
        ContactView ringing = as(agent, () -> contacts.accept(agent.id(), callback.id()));
        assertThat(ringing.ringing()).isTrue();
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();
        assertThat(reload(callback).ringing()).isFalse();
        assertThat(reload(callback).connectedAt()).isNotNull();
    }

    @Test
    void playRecordingAndHangUpEndsTheCallAfterTheRecording() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView offered = call(queue);
        as(agent, () -> contacts.accept(agent.id(), offered.id()));
        as(agent, () -> contacts.hangUpAfter(offered.id(), Duration.ofSeconds(42)));
        clock.advance(Duration.ofSeconds(41));
        sweeper.sweep();
        assertThat(reload(offered).state()).isEqualTo(ContactState.CONNECTED);
        clock.advance(Duration.ofSeconds(2));
        sweeper.sweep();
        assertThat(reload(offered).state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(eventTypes(offered)).contains("HANGUP_SCHEDULED", "HUNG_UP_AFTER_RECORDING");
    }

    @Test
    void anOutgoingCallNamesTheCustomerOfTheNumbersNewestNamedContact() {
        String number = "+1 555 " + (1000 + new java.util.Random().nextInt(9000));
        UserSummary callee = fixture.readyAgents(1, fixture.queue(QueueKind.CALL, 0, 0)).getFirst();
        ContactView earlier = SystemUser.call(() -> contacts.callIn(callee.id(), number, "Katherine Johnson"));
        SystemUser.call(() -> contacts.customerLeft(earlier.id()));

        UserSummary agent = fixture.readyAgents(1, fixture.queue(QueueKind.CALL, 0, 0)).getFirst();
        ContactView out = as(agent, () -> contacts.callOut(agent.id(), number));
        assertThat(out.customerName()).isEqualTo("Katherine Johnson");
    }

    @Test
    void directCallsDoNotQueueAndDoNotResetIdleTime() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        var idleBefore = SystemUser.call(() -> agents.status(agent.id())).idleSince();
        clock.advance(Duration.ofMinutes(5));
        ContactView out = as(agent, () -> contacts.callOut(agent.id(), "+1 (555) 010-0199"));
        assertThat(out.type()).isEqualTo(ContactType.DIRECT_CALL_OUT);
        assertThat(out.customerAddress()).isEqualTo("+15550100199");
        assertThat(call(queue).state()).as("one call per voice agent").isEqualTo(ContactState.QUEUED);
        clock.advance(Duration.ofSeconds(6));
        sweeper.sweep();
        ContactView ended = as(agent, () -> contacts.end(agent.id(), out.id()));
        assertThat(ended.outcome()).isEqualTo(Outcome.HANDLED);
        // The queued call is offered now; the outbound call did not push the agent back in line.
        assertThat(SystemUser.call(() -> agents.status(agent.id())).activity()).isEqualTo(Activity.OFFERED);
        assertThat(SystemUser.call(() -> agents.status(agent.id())).idleSince()).isEqualTo(idleBefore);

        UserSummary other = fixture.readyAgents(1, fixture.queue(QueueKind.CALL, 0, 30)).getFirst();
        ContactView in = SystemUser.call(() -> contacts.callIn(other.id(), "+1 555 0142", "Linus"));
        assertThat(in.state()).isEqualTo(ContactState.OFFERED);
        clock.advance(Duration.ofSeconds(21));
        sweeper.sweep();
        assertThat(reload(in).outcome()).isEqualTo(Outcome.MISSED);
        assertThat(SystemUser.call(() -> agents.status(other.id())).activity()).isEqualTo(Activity.IDLE);
        assertThat(SystemUser.call(() -> agents.status(other.id())).missedInRow()).as("a missed direct call is no missed queue offer").isZero();
    }

    @Test
    void anAgentWhoseDashboardWentAwayIsPausedAsDisconnected() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary present = fixture.readyAgents(1, queue).getFirst();
        UserSummary gone = fixture.readyAgents(1, queue).getFirst();
        clock.advance(Duration.ofSeconds(45));
        SystemUser.run(() -> agents.heartbeat(present.id()));
        clock.advance(Duration.ofSeconds(20));
        sweeper.sweep();
        assertThat(SystemUser.call(() -> agents.status(gone.id())).queues().getFirst().pauseReason()).isEqualTo(PauseReason.DISCONNECTED);
        assertThat(SystemUser.call(() -> agents.status(present.id())).overall()).isEqualTo(PresenceState.READY);
    }

    /**
     * A node dies with a ready agent on it while calls wait: each offer that rings out returns its call, and
     * the dispatch that follows offers the next one to the same agent at once (it stays the longest idle), so
     * the sweep never finds the agent idle to pause it. The offer that rings out after the silence pauses it.
     */
    @Test
    void anAgentWhoseOffersKeepRingingOutWithNobodyThereIsPausedAsDisconnected() {
        // Missed offers never pause here: only the heartbeat rule may act.
        QueueInfo queue = fixture.queue(new QueueSettings(RoutingFixture.unique("gone"), QueueKind.CALL, 20, 30, 30, 600, 20, 1, 0, 100,
                java.util.Set.of()));
        UserSummary gone = fixture.readyAgents(1, queue).getFirst();
        ContactView first = call(queue);
        ContactView second = call(queue);
        assertThat(first.agentId()).isEqualTo(gone.id());

        for (int offer = 0; offer < 4; offer++) {
            clock.advance(Duration.ofSeconds(21));
            sweeper.sweep();
        }

        assertThat(SystemUser.call(() -> agents.status(gone.id())).queues().getFirst().pauseReason()).isEqualTo(PauseReason.DISCONNECTED);
        assertThat(reload(first).state()).isEqualTo(ContactState.QUEUED);
        assertThat(reload(second).state()).isEqualTo(ContactState.QUEUED);
    }
}
