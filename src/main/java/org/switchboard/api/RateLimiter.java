package org.switchboard.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A token bucket per API key on this node: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. With several nodes behind a balancer each node counts on its own.
 */
@Component
class RateLimiter {

    private final ApiProperties properties;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(ApiProperties properties) {
        this.properties = properties;
    }

    /** Zero when the request may go ahead, else the seconds to wait. */
    long acquire(long keyId) {
        return buckets.computeIfAbsent(keyId, id -> new Bucket(properties.burst())).take(properties);
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int burst) {
            tokens = burst;
        }

        synchronized long take(ApiProperties properties) {
            long now = System.nanoTime();
            tokens = Math.min(properties.burst(), tokens + (now - refilledAt) / 1e9 * properties.requestsPerSecond());
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / properties.requestsPerSecond());
        }
    }
}
