package org.switchboard.api;

import org.springframework.stereotype.Component;
import org.switchboard.common.TokenBuckets;

/**
 * A token bucket per API key on this node: {@code burst} requests at once, refilled at
 * {@code requestsPerSecond}. With several nodes behind a balancer each node counts on its own.
 */
@Component
class RateLimiter {

    private final TokenBuckets<Long> buckets;

    RateLimiter(ApiProperties properties) {
        buckets = new TokenBuckets<>(properties.burst(), properties.requestsPerSecond(), 100_000);
    }

    /** Zero when the request may go ahead, else the seconds to wait. */
    long acquire(long keyId) {
        return buckets.acquire(keyId);
    }
}
