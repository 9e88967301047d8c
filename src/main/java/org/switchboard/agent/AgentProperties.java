package org.switchboard.agent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param disconnectedAfter how long an agent may go without an open dashboard or API client before it counts as
 *                          Disconnected: a ready agent is paused with that reason, an offer ringing out on it pauses
 *                          it at once, and its web call ends. Open dashboards send the heartbeat three times as often
 */
@ConfigurationProperties("switchboard.agents")
public record AgentProperties(@DefaultValue("60s") Duration disconnectedAfter) {

    public AgentProperties {
        if (disconnectedAfter.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("switchboard.agents.disconnected-after must be at least 3 seconds, not " + disconnectedAfter);
        }
    }

    /** How often a node sends the heartbeat of the agents with an open dashboard: three times within the silence allowed. */
    public Duration heartbeatInterval() {
        return disconnectedAfter.dividedBy(3);
    }
}
