package org.switchboard.contact;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.DispatchContactQueries;

/**
 * Waiting contacts and open chats as the routing engine reads and claims them. The candidates are read
 * without a transaction of their own (SUPPORTS), as the engine's round reads are; the claims and the
 * chat counts only inside its claim transaction (MANDATORY).
 */
@Service
@Unrestricted("the dispatcher, which runs without a user and offers by the routing rules")
public class WaitingContacts {

    /** A contact waiting in its queue. */
    public record Waiting(long contactId, long queueId, ContactType type) {
    }

    private final DispatchContactQueries queries;

    WaitingContacts(DispatchContactQueries queries) {
        this.queries = queries;
    }

    /**
     * Up to {@code limit} contacts waiting in the queues given, unlocked: higher queue priority first
     * (the value given for each queue), then the longest waiting. The caller passes the priorities, so
     * the order is one statement's, as when the queue table was joined here.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Waiting> longestWaiting(Map<Long, Integer> priorityByQueue, int limit) {
        return priorityByQueue.isEmpty() ? List.of() : queries.waiting(priorityByQueue, limit);
    }

    /** Those of the contacts that still wait, without locking them. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<Long> stillWaiting(Collection<Long> contactIds) {
        return contactIds.isEmpty() ? Set.of() : queries.stillWaiting(contactIds);
    }

    /** Locks those of the contacts that still wait and that no other transaction holds (SKIP LOCKED). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Long> lockWaiting(Collection<Long> contactIds) {
        return queries.lockWaiting(contactIds);
    }

    /**
     * How many chats each agent holds now (offered, connected or in wrap-up); agents with none are
     * missing from the map. Read at the statement's time (READ COMMITTED), without locks.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Integer> openChats(Collection<Long> agentIds) {
        return agentIds.isEmpty() ? Map.of() : queries.openChats(agentIds);
    }
}
