package org.switchboard.productivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/** An agent sees only its own figures; a supervisor those of its queues' agents; nobody else's. */
@SwitchboardTest
class ProductivityPermissionTest {

    @Autowired
    ProductivityService productivity;
    @Autowired
    RoutingFixture fixture;

    @Test
    void anAgentSeesOnlyItsOwnFigures() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        var agents = fixture.readyAgents(2, queue);
        UserSummary me = agents.get(0);
        UserSummary colleague = agents.get(1);
        LocalDate today = productivity.currentDay();

        assertThat(as(me, () -> productivity.today(me.id(), today)).agentId()).isEqualTo(me.id());
        assertThat(as(me, () -> productivity.week(me.id(), today)).agentId()).isEqualTo(me.id());
        assertThatThrownBy(() -> as(me, () -> productivity.today(colleague.id(), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(me, () -> productivity.week(colleague.id(), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(me, () -> productivity.agentsToShow())).extracting(AgentChoice::id).containsExactly(me.id());
    }

    @Test
    void aSupervisorSeesTheAgentsOfItsQueuesOnly() {
        QueueInfo supervised = fixture.queue(QueueKind.CALL, 0, 0);
        QueueInfo elsewhere = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary mine = fixture.readyAgents(1, supervised).getFirst();
        UserSummary notMine = fixture.readyAgents(1, elsewhere).getFirst();
        UserSummary supervisor = fixture.user(Role.SUPERVISOR, Role.AGENT);
        fixture.supervise(supervised, supervisor);
        LocalDate today = productivity.currentDay();

        assertThat(as(supervisor, () -> productivity.week(mine.id(), today)).agentId()).isEqualTo(mine.id());
        assertThatThrownBy(() -> as(supervisor, () -> productivity.today(notMine.id(), today)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(supervisor, () -> productivity.agentsToShow())).extracting(AgentChoice::id)
                .containsExactly(supervisor.id(), mine.id());
        // the other way round, the agent is offered only its own figures
        assertThat(as(mine, () -> productivity.agentsToShow())).extracting(AgentChoice::id).containsExactly(mine.id());
    }

    @Test
    void nobodySignedInSeesNothing() {
        assertThatThrownBy(() -> productivity.today(1, productivity.currentDay()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }
}
