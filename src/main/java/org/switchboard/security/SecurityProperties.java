package org.switchboard.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins   failed sign-ins for one user name within {@code failedLoginWindow} that lock it
 * @param failedLoginWindow the window in which failed sign-ins are counted
 * @param lockDuration      how long a locked user name is refused, counted from its last failure
 * @param adminPassword     password of the admin created on first start; random when empty
 */
@ConfigurationProperties("switchboard.security")
public record SecurityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("5m") Duration failedLoginWindow,
        @DefaultValue("5m") Duration lockDuration,
        @DefaultValue("") String adminPassword) {
}
