package org.switchboard.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;

/**
 * The figures of the queues that open dashboards show, computed once per change for all the
 * dashboards of this node: after a change in a queue with 200 open dashboards, the first refresh
 * computes them and the other 199 take that result. A change on any node (another node's comes
 * through the cluster relay) makes a queue's figures stale at once ({@link #changed}); figures older than {@link #MAX_AGE} are computed again even without a change,
 * because waiting times grow by themselves.
 */
@Component
class SharedQueueFigures {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Snapshot(long generation, long computedAt, QueueMetrics figures) {
    }

    private final QueueMetricsService metrics;
    private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    SharedQueueFigures(QueueMetricsService metrics) {
        this.metrics = metrics;
    }

    /** Called on every committed change of these queues, before the dashboards hear of it. */
    void changed(Collection<Long> queueIds) {
        queueIds.forEach(id -> generation(id).incrementAndGet());
    }

    /** After a gap in the cluster stream: any queue may have changed on another node. */
    void changedAll() {
        generations.values().forEach(AtomicLong::incrementAndGet);
    }

    Map<Long, QueueMetrics> of(Collection<Long> queueIds) {
        Map<Long, QueueMetrics> result = new HashMap<>();
        Map<Long, Long> staleAt = new HashMap<>();
        long now = System.nanoTime();
        for (Long id : queueIds) {
            long generation = generation(id).get();
            Snapshot snapshot = snapshots.get(id);
            if (snapshot != null && snapshot.generation() == generation && now - snapshot.computedAt() < MAX_AGE.toNanos()) {
                result.put(id, snapshot.figures());
            } else {
                staleAt.put(id, generation);
            }
        }
        if (!staleAt.isEmpty()) {
            List<Long> stale = new ArrayList<>(staleAt.keySet());
            metrics.metrics(stale).forEach((id, figures) -> {
                result.put(id, figures);
                // Keep the newest: a slower computation of an older generation must not replace it.
                snapshots.merge(id, new Snapshot(staleAt.get(id), now, figures),
                        (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
            });
        }
        return result;
    }

    private AtomicLong generation(long queueId) {
        return generations.computeIfAbsent(queueId, id -> new AtomicLong());
    }
}
