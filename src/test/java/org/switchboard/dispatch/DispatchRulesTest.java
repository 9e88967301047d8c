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
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PresenceState;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** Who gets which contact: longest idle, oldest across queues, priority, chat capacity; and bad input. */
@SwitchboardTest
class DispatchRulesTest {

    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
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

    ContactView create(QueueInfo queue, ContactType type, Channel channel, String address) {
        ContactView created = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), type, channel, "Customer", address)));
        return SystemUser.call(() -> contacts.get(created.id()));
    }

    ContactView call(QueueInfo queue) {
        return create(queue, ContactType.INBOUND_CALL, Channel.VOICE, "+15550100");
    }

    /** Takes a call through to the end of wrap-up, so the agent's idle time starts now. */
    void handle(UserSummary agent, ContactView offered) {
        as(agent, () -> {
            contacts.accept(agent.id(), offered.id());
            contacts.end(agent.id(), offered.id());
            contacts.endWrapUp(agent.id());
        });
    }

    @Test
    void theAgentIdleTheLongestGetsTheNextCall() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        List<UserSummary> team = fixture.readyAgents(3, queue);
        // Each agent handles one call, a minute apart: team[0] finishes first, so it has waited longest.
        for (UserSummary agent : team) {
            clock.advance(Duration.ofMinutes(1));
            ContactView offered = call(queue);
            handle(offeredAgent(offered, team), offered);
        }
        clock.advance(Duration.ofMinutes(1));
        UserSummary first = offeredAgent(call(queue), team);
        UserSummary second = offeredAgent(call(queue), team);
        UserSummary third = offeredAgent(call(queue), team);
        assertThat(List.of(first, second, third)).extracting(UserSummary::id)
                .containsExactly(idleOrder(team).get(0), idleOrder(team).get(1), idleOrder(team).get(2));
        assertThat(call(queue).state()).as("nobody left: it waits").isEqualTo(ContactState.QUEUED);
    }

    private List<Long> idleOrder(List<UserSummary> team) {
        return jdbc.sql("SELECT user_id FROM agent_event WHERE type = 'IDLE' AND user_id IN (?, ?, ?) ORDER BY at, id")
                .params(team.get(0).id(), team.get(1).id(), team.get(2).id()).query(Long.class).list();
    }

    private UserSummary offeredAgent(ContactView contact, List<UserSummary> team) {
        assertThat(contact.state()).isEqualTo(ContactState.OFFERED);
        return team.stream().filter(a -> a.id() == contact.agentId()).findFirst().orElseThrow();
    }

    @Test
    void anAgentInSeveralQueuesGetsTheOldestContactAcrossThemAndPriorityComesFirst() {
        QueueInfo low = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo other = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo urgent = fixture.queue(QueueKind.CALL, 5, 0);
        UserSummary agent = fixture.readyAgents(1, low, other, urgent).getFirst();
        long lunch = jdbc.sql("SELECT id FROM pause_reason WHERE name = 'Lunch'").query(Long.class).single();
        as(agent, () -> agents.setGlobal(agent.id(), org.switchboard.agent.GlobalAction.PAUSE, lunch));

        ContactView oldest = call(other);
        clock.advance(Duration.ofSeconds(10));
        ContactView newer = call(low);
        clock.advance(Duration.ofSeconds(10));
        ContactView newestButUrgent = call(urgent);

        as(agent, () -> agents.setGlobal(agent.id(), org.switchboard.agent.GlobalAction.READY, null));
        assertThat(reload(newestButUrgent).agentId()).isEqualTo(agent.id());
        handle(agent, reload(newestButUrgent));
        assertThat(reload(oldest).agentId()).isEqualTo(agent.id());
        assertThat(reload(newer).state()).isEqualTo(ContactState.QUEUED);
    }

    ContactView reload(ContactView c) {
        return SystemUser.call(() -> contacts.get(c.id()));
    }

    @Test
    void chatsGoToTheAgentWithFewestOpenChatsWithinCapacity() {
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        List<UserSummary> team = fixture.readyAgents(2, chats);
        List<ContactView> offered = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            offered.add(create(chats, ContactType.CHAT, Channel.WEBCHAT, "visitor-" + i));
        }
        long toFirst = offered.stream().filter(c -> c.agentId() != null && c.agentId() == team.get(0).id()).count();
        long toSecond = offered.stream().filter(c -> c.agentId() != null && c.agentId() == team.get(1).id()).count();
        assertThat(toFirst).isEqualTo(2);
        assertThat(toSecond).isEqualTo(2);
        assertThat(offered.get(4).state()).as("capacity 2 each: the fifth waits").isEqualTo(ContactState.QUEUED);
        // Chats do not block calls: the agent stays idle for voice.
        assertThat(SystemUser.call(() -> agents.status(team.get(0).id())).activity()).isEqualTo(org.switchboard.agent.Activity.IDLE);

        ContactView firstChat = offered.getFirst();
        UserSummary owner = team.stream().filter(a -> a.id() == firstChat.agentId()).findFirst().orElseThrow();
        as(owner, () -> contacts.accept(owner.id(), firstChat.id()));
        as(owner, () -> contacts.end(owner.id(), firstChat.id()));
        assertThat(reload(offered.get(4)).agentId()).as("a resolved chat frees capacity").isEqualTo(owner.id());
    }

    @Test
    void badInputIsRefusedAndNothingIsStored() {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        int before = jdbc.sql("SELECT COUNT(*) FROM contact").query(Integer.class).single();

        assertThatThrownBy(() -> create(fixture.queue(QueueKind.CALL, 0, 0), ContactType.INBOUND_CALL, Channel.VOICE, "12ab"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a phone number");
        assertThatThrownBy(() -> SystemUser.run(() -> contacts.create(new NewContact("No Such Queue", ContactType.INBOUND_CALL, Channel.VOICE, null, null))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no queue named");
        assertThatThrownBy(() -> create(chats, ContactType.INBOUND_CALL, Channel.VOICE, "+15550100"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot go to chat queue");
        assertThatThrownBy(() -> create(calls, ContactType.CHAT, Channel.SMS, "+15550100"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> create(chats, ContactType.CHAT, Channel.VOICE, "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("chat channel");
        assertThatThrownBy(() -> create(calls, ContactType.CALLBACK_REQUEST, Channel.VOICE, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> SystemUser.run(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "x".repeat(101), null)))).isInstanceOf(ValidationException.class).hasMessageContaining("100");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anAgentJoinsOnlyAssignedQueuesAndChoosesRealPauseReasons() {
        QueueInfo mine = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo notMine = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary agent = fixture.readyAgents(1, mine).getFirst();
        assertThatThrownBy(() -> as(agent, () -> agents.loginToQueues(agent.id(), java.util.Set.of(notMine.id()))))
                .isInstanceOf(ValidationException.class);
        long missed = jdbc.sql("SELECT id FROM pause_reason WHERE name = 'Missed offers'").query(Long.class).single();
        assertThatThrownBy(() -> as(agent, () -> agents.setQueueState(agent.id(), mine.id(), PresenceState.PAUSED, missed)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be chosen");
        assertThat(SystemUser.call(() -> agents.status(agent.id())).overall()).isEqualTo(PresenceState.READY);

        as(agent, () -> agents.setQueueState(agent.id(), mine.id(), PresenceState.LOGGED_OUT, null));
        assertThat(SystemUser.call(() -> agents.status(agent.id())).overall()).isEqualTo(PresenceState.LOGGED_OUT);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agent_event WHERE user_id = ? AND type LIKE 'QUEUE_%'").param(agent.id())
                .query(Integer.class).single()).isEqualTo(2);
    }
}
