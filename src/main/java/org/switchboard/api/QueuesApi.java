package org.switchboard.api;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;

@RestController
@RequestMapping("/api/v1/queues")
class QueuesApi {

    record QueueResource(long id, String name, QueueKind kind, int offerTimeoutSeconds, int wrapUpSeconds,
            int maxWaitSeconds, int serviceLevelSeconds, int chatCapacity, int priority) {

        static QueueResource of(QueueInfo q) {
            var s = q.settings();
            return new QueueResource(q.id(), q.name(), q.kind(), s.offerTimeoutSeconds(), s.wrapUpSeconds(),
                    s.maxWaitSeconds(), s.serviceLevelSeconds(), s.chatCapacity(), s.priority());
        }
    }

    /** Live figures; durations in seconds, shares from 0 to 1 (service level -1 until something counted today). */
    record MetricsResource(long queueId, String queue, QueueKind kind, int waiting, int agentsLoggedIn,
            long longestWaitSeconds, long averageHandleSeconds, int totalToday, int handledToday, int abandonedToday,
            int timedOutToday, int incompleteToday, double serviceLevel, long averageSpeedOfAnswerSeconds,
            double abandonRate, int openChats, double dialedShare) {

        static MetricsResource of(QueueMetrics m) {
            return new MetricsResource(m.queueId(), m.queueName(), m.kind(), m.now().waiting(), m.now().agentsLoggedIn(),
                    m.now().longestWait().toSeconds(), m.today().averageHandle().toSeconds(), m.today().total(), m.today().handled(),
                    m.today().abandoned(), m.today().timedOut(), m.today().incomplete(), m.today().serviceLevel(),
                    m.today().averageSpeedOfAnswer().toSeconds(), m.today().abandonRate(), m.chats().open(), m.today().dialedShare());
        }
    }

    private final QueueService queues;
    private final QueueMetricsService metrics;

    QueuesApi(QueueService queues, QueueMetricsService metrics) {
        this.queues = queues;
        this.metrics = metrics;
    }

    /** Every endpoint here needs the READ scope. */
    @ModelAttribute
    void requireScope(@AuthenticationPrincipal ApiClient client) {
        client.require(ApiScope.READ);
    }

    @GetMapping("/{id}/metrics")
    MetricsResource metrics(@PathVariable long id) {
        return MetricsResource.of(metrics.metrics(id));
    }

    @GetMapping
    List<QueueResource> list() {
        return queues.findAll().stream().map(QueueResource::of).toList();
    }
}
