package org.switchboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.common.Broadcaster;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * The node's heartbeat for open dashboards runs on a scheduler thread, with no user signed in; a
 * failure is a warning in the log, since it ends in the agent paused as Disconnected.
 */
@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class DashboardFeedTest {

    @Autowired
    DashboardFeed feed;
    @Autowired
    AgentStatusService agents;
    @Autowired
    Sweeper sweeper;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anOpenDashboardKeepsItsAgentPresentWithoutASignedInUser() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        UserSummary watching = fixture.readyAgents(1, queue).getFirst();
        UserSummary gone = fixture.readyAgents(1, queue).getFirst();
        Broadcaster.Registration dashboard = feed.subscribe(watching.id(), changed -> { });
        try {
            clock.advance(Duration.ofSeconds(45));
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
            feed.heartbeat();
            clock.advance(Duration.ofSeconds(20));
            sweeper.sweep();
        } finally {
            dashboard.remove();
        }
        assertThat(SystemUser.call(() -> agents.status(watching.id())).overall()).isEqualTo(PresenceState.READY);
        assertThat(SystemUser.call(() -> agents.status(gone.id())).queues().getFirst().pauseReason())
                .isEqualTo(PauseReason.DISCONNECTED);
    }

    @Test
    void aHeartbeatThatFailsIsLoggedAsAWarningNamingTheAgent(CapturedOutput output) {
        long noSuchAgent = 987_654_321L;
        Broadcaster.Registration open = feed.subscribe(noSuchAgent, changed -> {
        });
        try {
            feed.heartbeat();
        } finally {
            open.remove();
        }
        assertThat(output.getOut()).containsPattern("WARN .*Heartbeat for agent " + noSuchAgent + " failed");
    }
}
