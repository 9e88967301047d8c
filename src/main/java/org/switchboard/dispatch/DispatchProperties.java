package org.switchboard.dispatch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepEnabled  run the periodic sweep (timers, disconnected agents, dispatch); tests drive it by hand
 * @param sweepInterval how often the sweep runs on each node
 * @param async         dispatch on a background thread after a change; tests dispatch on the caller's thread
 */
@ConfigurationProperties("switchboard.dispatch")
public record DispatchProperties(@DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("1s") Duration sweepInterval, @DefaultValue("true") boolean async) {
}
