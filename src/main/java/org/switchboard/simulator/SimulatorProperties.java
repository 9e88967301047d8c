package org.switchboard.simulator;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The traffic simulator.
 *
 * @param autoStart     start generating traffic when the app starts (demo mode)
 * @param tick          how often the simulator places arrivals and plays its agents
 * @param defaultRatePerHour arrivals per hour for a queue that {@code ratesPerHour} does not list
 * @param ratesPerHour  arrivals per hour per queue name; queues not listed get {@code defaultRatePerHour}
 * @param abandonShare  share of waiting callers who hang up before they are answered
 * @param simulateAgents also play the agents whose user names start with {@code agentPrefix}: accept, talk, end wrap-up
 * @param agentPrefix   user name prefix of the agents the simulator plays
 * @param talkTime      average talk time of a simulated agent
 */
@ConfigurationProperties("switchboard.simulator")
public record SimulatorProperties(@DefaultValue("false") boolean autoStart, @DefaultValue("1s") Duration tick,
        @DefaultValue("30") double defaultRatePerHour, Map<String, Double> ratesPerHour,
        @DefaultValue("0.1") double abandonShare, @DefaultValue("false") boolean simulateAgents,
        @DefaultValue("sim-") String agentPrefix, @DefaultValue("90s") Duration talkTime) {
}
