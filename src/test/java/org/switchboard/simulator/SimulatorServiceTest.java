package org.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.cluster.JobLease;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactService;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.chat.ChatService;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;

@SwitchboardTest
class SimulatorServiceTest {

    @Autowired
    ContactService contacts;
    @Autowired
    QueueService queues;
    @Autowired
    UserService users;
    @Autowired
    AgentStatusService agents;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SimulatorService bean;
    @Autowired
    Sweeper sweeper;
    @Autowired
    ChatService chats;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    int count(QueueInfo queue, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ? AND " + condition).param(queue.id())
                .query(Integer.class).single();
    }

    @Autowired
    PlatformTransactionManager transactions;

    SimulatorService simulator(QueueInfo queue, double abandonShare, boolean withAgents) {
        return simulator(queue, 3600.0, abandonShare, withAgents, "node-of-" + queue.name());
    }

    SimulatorService simulator(QueueInfo queue, double perHour, double abandonShare, boolean withAgents, String node) {
        SimulatorProperties properties = new SimulatorProperties(false, Duration.ofSeconds(1), 0,
                Map.of(queue.name(), perHour), abandonShare, withAgents, "sim-", Duration.ofSeconds(30));
        return new SimulatorService(contacts, chats, queues, properties, clock, new JobLease(jdbc, transactions, node),
                new Random(42));
    }

    @Test
    void withTwoNodesRunningTheSimulatorOnlyTheLeaseHolderAddsTraffic() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        // About 100 arrivals per tick on whichever node runs it.
        SimulatorService nodeA = simulator(queue, 360_000.0, 0, false, "sim-node-a");
        SimulatorService nodeB = simulator(queue, 360_000.0, 0, false, "sim-node-b");
        nodeA.start(false);
        nodeB.start(false);
        try {
            nodeA.scheduledTick();
            int afterA = count(queue, "TRUE");
            assertThat(afterA).as("the first node took the lease and ran").isPositive();

            clock.advance(Duration.ofSeconds(1));
            nodeB.scheduledTick();
            assertThat(count(queue, "TRUE")).as("the second node waits while the first holds the lease").isEqualTo(afterA);

            // Stopped on the holder: the lease is free at once and the other node goes on.
            nodeA.stop();
            nodeB.scheduledTick();
            assertThat(count(queue, "TRUE")).isGreaterThan(afterA);
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
    }

    @Test
    void arrivalsFollowTheRateAndSomeCallersGiveUp() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        SimulatorService simulator = simulator(queue, 0.5, false);
        SystemUser.run(simulator::tick);
        clock.advance(Duration.ofMinutes(1));
        SystemUser.run(simulator::tick);

        int arrived = count(queue, "TRUE");
        assertThat(arrived).as("about 60 in a minute at 3,600 per hour").isBetween(35, 90);
        assertThat(count(queue, "type IN ('INBOUND_CALL','CALLBACK_REQUEST')")).isEqualTo(arrived);
        // Callers give up 10 to 90 s after they arrive: none of the minute's last arrivals has yet.
        // (The first tick's caller, if any, may have; how many arrive then depends on the shared random.)
        assertThat(count(queue, "outcome = 'ABANDONED' AND created_at = "
                + "(SELECT MAX(created_at) FROM contact WHERE queue_id = " + queue.id() + ")")).isZero();

        clock.advance(Duration.ofSeconds(91));
        SystemUser.run(simulator::tick);
        int abandoned = count(queue, "outcome = 'ABANDONED'");
        assertThat(abandoned).as("about half the callers hang up within 90 s").isBetween(arrived / 5, arrived);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_event e JOIN contact c ON c.id = e.contact_id WHERE c.queue_id = ? AND e.type = 'ABANDONED'")
                .param(queue.id()).query(Integer.class).single()).isEqualTo(abandoned);
    }

    @Test
    void chatCustomersOpenWithAMessageAndWriteAgainWhileTheChatIsOpen() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        SimulatorService simulator = simulator(queue, 0, false);
        SystemUser.run(simulator::tick);
        clock.advance(Duration.ofSeconds(10));
        SystemUser.run(simulator::tick);
        int chatsOpened = count(queue, "type = 'CHAT'");
        assertThat(chatsOpened).isPositive();
        long lastChat = jdbc.sql("SELECT MAX(id) FROM contact WHERE queue_id = ?").param(queue.id()).query(Long.class).single();
        // Only the chats opened so far: later arrivals bring opening messages of their own.
        String messagesIn = "SELECT COUNT(*) FROM chat_message m JOIN contact c ON c.id = m.contact_id "
                + "WHERE c.queue_id = ? AND m.direction = 'IN' AND c.id <= " + lastChat;
        int before = jdbc.sql(messagesIn).param(queue.id()).query(Integer.class).single();
        assertThat(before).as("every chat opens with a message").isEqualTo(chatsOpened);
        clock.advance(Duration.ofSeconds(95));
        SystemUser.run(simulator::tick);
        assertThat(jdbc.sql(messagesIn).param(queue.id()).query(Integer.class).single())
                .as("customers of open chats wrote again").isGreaterThanOrEqualTo(before + chatsOpened);
    }

    @Test
    void simulatedAgentsTakeCallsThroughTheServices() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 5);
        var agent = SystemUser.call(() -> users.create(new UserForm(RoutingFixture.unique("sim").toLowerCase(), "Sim Agent",
                "password1", EnumSet.of(Role.AGENT), null)));
        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(agent.id())));
        SystemUser.run(() -> agents.loginToQueues(agent.id(), Set.of(queue.id())));
        SimulatorService simulator = simulator(queue, 0, true);
        SystemUser.run(simulator::tick);
        for (int second = 0; second < 300; second += 5) {
            clock.advance(Duration.ofSeconds(5));
            SystemUser.run(() -> agents.heartbeat(agent.id()));
            SystemUser.run(simulator::tick);
            sweeper.sweep();
        }
        assertThat(count(queue, "outcome = 'HANDLED' AND agent_id = " + agent.id())).isGreaterThan(3);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void adminsSetRatesWithinLimits() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        bean.setRate(queue.name(), 120);
        assertThat(bean.status().ratesPerHour()).containsEntry(queue.name(), 120.0);
        assertThatThrownBy(() -> bean.setRate("Nowhere", 5)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> bean.setRate(queue.name(), -1)).isInstanceOf(ValidationException.class);
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void onlyAdminsControlTheSimulator() {
        assertThatThrownBy(() -> bean.start(false)).isInstanceOf(AuthorizationDeniedException.class);
    }
}
