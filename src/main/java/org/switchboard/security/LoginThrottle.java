package org.switchboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.security.data.LoginFailureRepository;

/**
 * Refuses a user name for a while after too many failed sign-ins, whichever node they reached.
 * Throttling is per user name (not per address) so guessing one account's password is slow.
 */
@Component
public class LoginThrottle {

    private final LoginFailureRepository failures;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, SecurityProperties properties, Clock clock) {
        this.failures = failures;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the user name stays locked, or empty when it may try to sign in. */
    @Transactional(readOnly = true)
    public Optional<Duration> lockedFor(String username) {
        Instant now = clock.instant();
        Instant since = now.minus(properties.failedLoginWindow()).minus(properties.lockDuration());
        List<Instant> recent = failures.failuresSince(key(username), since);
        int limit = properties.maxFailedLogins();
        // Locked when some run of `limit` failures fits in the window and the lock since its last one still runs.
        for (int i = 0; i + limit - 1 < recent.size(); i++) {
            Instant last = recent.get(i);
            Instant first = recent.get(i + limit - 1);
            if (Duration.between(first, last).compareTo(properties.failedLoginWindow()) <= 0) {
                Instant until = last.plus(properties.lockDuration());
                return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String username) {
        failures.record(key(username), clock.instant());
    }

    @Transactional
    public void recordSuccess(String username) {
        failures.clear(key(username));
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public void forgetOldFailures() {
        failures.deleteOlderThan(clock.instant().minus(properties.failedLoginWindow()).minus(properties.lockDuration()));
    }

    private static String key(String username) {
        String trimmed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
