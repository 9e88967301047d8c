package org.switchboard.queue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.queue.data.QueueQueries;

/**
 * Queues by id for features that run without a user (the routing engine) or inside a transaction that
 * checked its caller: their settings and names, in one statement for any number of queues.
 */
@Service
@Unrestricted("queue settings and names only: the dispatcher without a user, other features inside their checked transactions")
public class QueueDirectory {

    private final QueueQueries queries;

    QueueDirectory(QueueQueries queries) {
        this.queries = queries;
    }

    /** The queues a user works in as an agent, by name. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<QueueInfo> agentQueuesOf(long userId) {
        return queries.assignedTo(userId, AssignmentRole.AGENT);
    }

    /** The queues that exist among {@code ids}, by id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, QueueInfo> byIds(Collection<Long> ids) {
        return queries.byIds(ids).stream().collect(Collectors.toMap(QueueInfo::id, Function.identity()));
    }
}
