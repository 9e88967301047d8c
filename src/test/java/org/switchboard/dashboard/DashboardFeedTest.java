package org.switchboard.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.Broadcaster;

/** The heartbeat of open dashboards: a failure is a warning in the log, since it ends in the agent paused as Disconnected. */
@SwitchboardTest
@ExtendWith(OutputCaptureExtension.class)
class DashboardFeedTest {

    @Autowired
    DashboardFeed feed;

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
