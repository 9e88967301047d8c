package org.switchboard.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
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

    private final QueueService queues;

    QueuesApi(QueueService queues) {
        this.queues = queues;
    }

    @GetMapping
    List<QueueResource> list() {
        return queues.findAll().stream().map(QueueResource::of).toList();
    }
}
