package org.switchboard.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.security.data.LoginFailureRepository;

/**
 * Refuses a user name for a while after too many failed sign-ins, whichever node they reached.
 * Throttling is per user name (not per address) so guessing one account's password is slow.
 * An attempt counts as failed from before its password is checked until it proves right, and the
 * count and the booking happen under the name's database row lock: parallel guesses, on any
 * number of nodes, get no more password checks than the limit.
 */
@Component
public class LoginThrottle {

    /** A sign-in attempt: refused ({@code lockedFor} set) or booked as a failure at {@code at}. */
    public record Attempt(String username, Instant at, Duration lockedFor) {

        public boolean refused() {
            return lockedFor != null;
        }
    }

    private final LoginFailureRepository failures;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, SecurityProperties properties, Clock clock) {
        this.failures = failures;
        this.properties = properties;
        this.clock = clock;
    }

    /** Refuses the attempt while the user name is locked, else books it as a failure. */
    @Transactional
    public Attempt begin(String username) {
        String key = key(username);
        failures.lock(key);
        Instant now = clock.instant();
        Optional<Duration> locked = lockedFor(key, now);
        if (locked.isPresent()) {
            return new Attempt(key, null, locked.get());
        }
        failures.record(key, now);
        return new Attempt(key, now, null);
    }

    /** The password was right: the user name's failures are forgotten. */
    @Transactional
    public void succeeded(Attempt attempt) {
        failures.clear(attempt.username());
    }

    /** The attempt failed before any password check (a disabled user, say): it does not count. */
    @Transactional
    public void withdraw(Attempt attempt) {
        failures.withdraw(attempt.username(), attempt.at());
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public void forgetOldFailures() {
        failures.deleteOlderThan(clock.instant().minus(properties.failedLoginWindow()).minus(properties.lockDuration()));
        failures.deleteUnusedLocks();
    }

    /** How long the user name stays locked, or empty when it may try to sign in. */
    private Optional<Duration> lockedFor(String key, Instant now) {
        Instant since = now.minus(properties.failedLoginWindow()).minus(properties.lockDuration());
        List<Instant> recent = failures.failuresSince(key, since);
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

    private static String key(String username) {
        String trimmed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return trimmed.length() > 100 ? trimmed.substring(0, 100) : trimmed;
    }
}
