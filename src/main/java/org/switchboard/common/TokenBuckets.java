package org.switchboard.common;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate limits per key on this node: each key may take {@code burst} at once and is refilled at
 * {@code perSecond}. Idle keys are forgotten when the map grows past {@code maxKeys}, so keys that
 * come from outside (client addresses, chat sessions) cannot fill the memory.
 */
public final class TokenBuckets<K> {

    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();
    private final int burst;
    private final double perSecond;
    private final int maxKeys;

    public TokenBuckets(int burst, double perSecond, int maxKeys) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.maxKeys = maxKeys;
    }

    /** Zero when the action may go ahead now, else the whole seconds to wait. */
    public long acquire(K key) {
        if (buckets.size() >= maxKeys) {
            long now = System.nanoTime();
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket()).take();
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = System.nanoTime();

        synchronized long take() {
            refill(System.nanoTime());
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
