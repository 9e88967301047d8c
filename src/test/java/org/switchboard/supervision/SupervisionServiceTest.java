package org.switchboard.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.switchboard.RoutingFixture.as;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.switchboard.audit.AuditAction;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFilter;
import org.switchboard.audit.AuditLog;
import org.switchboard.audit.AuditTarget;
import org.switchboard.common.ConflictException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.contact.WrapUpEndedBy;
import org.switchboard.dashboard.QueueSnapshot;
import org.switchboard.metrics.HourlyContacts;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** A supervisor sees and acts only through its own queues; agents get nothing; every action is audited. */
@SwitchboardTest
class SupervisionServiceTest {

    @Autowired
    SupervisionService supervision;
    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    AuditLog audit;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;

    QueueInfo mine;
    QueueInfo theirs;
    UserSummary supervisor;
    UserSummary myAgent;
    UserSummary theirAgent;
    PauseReason lunch;

    @BeforeEach
    void queues() {
        mine = fixture.queue(QueueKind.CALL, 0, 0);
        theirs = fixture.queue(QueueKind.CALL, 0, 0);
        supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(mine, supervisor);
        fixture.supervise(theirs, fixture.user(Role.SUPERVISOR));
        myAgent = fixture.readyAgents(1, mine).getFirst();
        theirAgent = fixture.readyAgents(1, theirs).getFirst();
        lunch = SystemUser.call(() -> reasons.findByName("Lunch").orElseThrow());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The agent takes a call of its queue and ends it; wrap-up lasts until someone ends it. */
    ContactView inWrapUp(QueueInfo queue, UserSummary agent) {
        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Grace Hopper", "+1 555 0100")));
        as(agent, () -> contacts.accept(agent.id(), call.id()));
        return as(agent, () -> contacts.end(agent.id(), call.id()));
    }

    List<AuditEntry> auditOf(String action, UserSummary target) {
        return SystemUser.call(() -> audit.find(new AuditFilter(supervisor.username(), action, null, null), 0, 100)).stream()
                .filter(e -> Long.valueOf(target.id()).equals(e.targetId())).toList();
    }

    @Test
    void anAgentCannotReachAnySupervisorService() {
        UserSummary agent = myAgent;
        assertThatThrownBy(() -> as(agent, () -> supervision.overview())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.supervisedQueues())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.drillDown(mine.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.pauseReasons())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.endWrapUp(mine.id(), myAgent.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.pause(mine.id(), myAgent.id(), lunch.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(agent, () -> supervision.logOut(mine.id(), myAgent.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aSupervisorSeesOnlyItsOwnQueuesAndAnAdminSeesAll() {
        List<Long> seen = as(supervisor, () -> supervision.overview()).stream().map(QueueMetrics::queueId).toList();
        assertThat(seen).containsExactly(mine.id());
        assertThatThrownBy(() -> as(supervisor, () -> supervision.drillDown(theirs.id())))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(theirs.name());

        UserSummary admin = fixture.user(Role.ADMIN);
        List<Long> all = as(admin, () -> supervision.overview()).stream().map(QueueMetrics::queueId).toList();
        assertThat(all).contains(mine.id(), theirs.id());
        assertThat(as(admin, () -> supervision.drillDown(theirs.id())).queue().id()).isEqualTo(theirs.id());
    }

    @Test
    void theDrillDownShowsWhoWaitsTheAgentsAndTodayByHourAndOutcome() {
        UserSummary busy = myAgent;
        inWrapUp(mine, busy);
        ContactView waiting = SystemUser.call(() -> contacts.create(new NewContact(mine.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada Lovelace", "+1 555 0101")));

        QueueSnapshot snapshot = as(supervisor, () -> supervision.drillDown(mine.id()));

        assertThat(snapshot.waiting()).extracting(org.switchboard.contact.WaitingContact::id).containsExactly(waiting.id());
        assertThat(snapshot.agents()).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo(busy.id());
            assertThat(a.state()).isEqualTo(PresenceState.READY);
            assertThat(a.activity()).isEqualTo(Activity.WRAP_UP);
        });
        HourlyContacts now = snapshot.byHour().getLast();
        assertThat(now.open()).isEqualTo(2);
        assertThat(snapshot.byHour().stream().mapToInt(HourlyContacts::total).sum()).isEqualTo(2);
        assertThat(snapshot.metrics().today().total()).isEqualTo(2);
    }

    @Test
    void endingAnAgentsWrapUpFreesItAndIsAuditedWithWhoWhomWhatWhen() {
        ContactView call = inWrapUp(mine, myAgent);

        as(supervisor, () -> supervision.endWrapUp(mine.id(), myAgent.id()));

        ContactView ended = SystemUser.call(() -> contacts.get(call.id()));
        assertThat(ended.state()).isEqualTo(ContactState.ENDED);
        assertThat(ended.wrapUpEndedBy()).isEqualTo(WrapUpEndedBy.SUPERVISOR);
        assertThat(SystemUser.call(() -> agents.status(myAgent.id())).activity()).isEqualTo(Activity.IDLE);
        AuditEntry entry = auditOf(AuditAction.AGENT_WRAP_UP_ENDED, myAgent).getFirst();
        assertThat(entry.actorId()).isEqualTo(supervisor.id());
        assertThat(entry.targetType()).isEqualTo(AuditTarget.AGENT);
        assertThat(entry.targetName()).isEqualTo(myAgent.username());
        assertThat(entry.detail()).contains(mine.name());
        assertThat(entry.at()).isCloseTo(clock.instant(), within(1, ChronoUnit.SECONDS));
    }

    @Test
    void aSupervisorCannotActOnAgentsOutsideItsQueues() {
        ContactView call = inWrapUp(theirs, theirAgent);

        assertThatThrownBy(() -> as(supervisor, () -> supervision.endWrapUp(theirs.id(), theirAgent.id())))
                .isInstanceOf(AccessDeniedException.class);
        // Naming its own queue does not reach an agent of another queue either.
        assertThatThrownBy(() -> as(supervisor, () -> supervision.endWrapUp(mine.id(), theirAgent.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(supervisor, () -> supervision.pause(mine.id(), theirAgent.id(), lunch.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(supervisor, () -> supervision.logOut(theirs.id(), theirAgent.id())))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(SystemUser.call(() -> contacts.get(call.id())).state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(SystemUser.call(() -> agents.status(theirAgent.id())).overall()).isEqualTo(PresenceState.READY);
        assertThat(auditOf(AuditAction.AGENT_WRAP_UP_ENDED, theirAgent)).isEmpty();
        assertThat(auditOf(AuditAction.AGENT_PAUSED, theirAgent)).isEmpty();
    }

    @Test
    void pausingAndLoggingOutAnIdleAgentActAtOnceAndAreAudited() {
        as(supervisor, () -> supervision.pause(mine.id(), myAgent.id(), lunch.id()));
        assertThat(SystemUser.call(() -> agents.status(myAgent.id())).queues()).singleElement().satisfies(q -> {
            assertThat(q.state()).isEqualTo(PresenceState.PAUSED);
            assertThat(q.pauseReason()).isEqualTo("Lunch");
        });
        assertThat(auditOf(AuditAction.AGENT_PAUSED, myAgent).getFirst().detail()).startsWith("Lunch").contains(mine.name());

        as(supervisor, () -> supervision.logOut(mine.id(), myAgent.id()));
        assertThat(SystemUser.call(() -> agents.status(myAgent.id())).overall()).isEqualTo(PresenceState.LOGGED_OUT);
        assertThat(auditOf(AuditAction.AGENT_LOGGED_OUT, myAgent)).hasSize(1);
    }

    @Test
    void aPauseDuringAContactWaitsForItToEnd() {
        inWrapUp(mine, myAgent);

        var status = as(supervisor, () -> supervision.pause(mine.id(), myAgent.id(), lunch.id()));

        assertThat(status.pending().action()).isEqualTo(GlobalAction.PAUSE);
        assertThat(status.overall()).isEqualTo(PresenceState.READY);
        assertThat(as(supervisor, () -> supervision.drillDown(mine.id())).agents().getFirst().pending().pauseReason())
                .isEqualTo("Lunch");
        assertThat(auditOf(AuditAction.AGENT_PAUSED, myAgent).getFirst().detail()).contains("after the current contact");

        as(supervisor, () -> supervision.endWrapUp(mine.id(), myAgent.id()));
        assertThat(SystemUser.call(() -> agents.status(myAgent.id())).overall()).isEqualTo(PresenceState.PAUSED);
    }

    @Test
    void aRefusedActionChangesNothingAndLeavesNoAuditEntry() {
        assertThatThrownBy(() -> as(supervisor, () -> supervision.endWrapUp(mine.id(), myAgent.id())))
                .isInstanceOf(ConflictException.class);
        assertThat(auditOf(AuditAction.AGENT_WRAP_UP_ENDED, myAgent)).isEmpty();
    }
}
