package org.switchboard.agent;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.data.AvailabilityQueries;
import org.switchboard.common.Unrestricted;

/**
 * Who can take contacts: the ready agents as the routing engine reads and locks them, the agents
 * logged in per queue for the queue figures, and the agents gone silent for the voice sweep. The routing engine's counts are read without a
 * transaction of their own (SUPPORTS), as its round reads are; the locks only inside its claim
 * transaction (MANDATORY), with SKIP LOCKED, so two nodes never take the same agent.
 */
@Service
@Unrestricted("the dispatcher and the sweeps, which run without a user, and the queue figures inside their checked transactions: counts, ids and locks, no personal data")
public class AgentAvailability {

    /** How many agents are ready in a queue, and how many of those are idle (on no call and offered none). */
    public record ReadyCount(int ready, int idle) {
    }

    /** A ready agent and since when it is idle (the end of its last queue contact). */
    public record ReadyAgent(long userId, Instant idleSince) {
    }

    private final AvailabilityQueries queries;

    AgentAvailability(AvailabilityQueries queries) {
        this.queries = queries;
    }

    /** The queues where some agent is ready, with their ready and idle counts; unlocked. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, ReadyCount> readyByQueue() {
        return queries.readyByQueue();
    }

    /** How many agents are logged in (ready or paused) in each of the queues; queues with none are missing. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Integer> loggedInByQueue(Collection<Long> queueIds) {
        return queueIds.isEmpty() ? Map.of() : queries.loggedInByQueue(queueIds);
    }

    /**
     * The ready, idle agent of the queue idle the longest, locked, passing over those in {@code passOver}
     * (agents this transaction already chose, still idle in the table until the batch marks them offered)
     * and those another transaction holds.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> lockLongestIdle(long queueId, Collection<Long> passOver) {
        return queries.lockLongestIdle(queueId, passOver);
    }

    /** Whether the queue has a ready, idle agent besides those in {@code passOver}, ignoring row locks. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean hasIdle(long queueId, Collection<Long> passOver) {
        return queries.hasIdle(queueId, passOver);
    }

    /** The agents ready in the queue (idle or not: chat agents hold several chats), unlocked. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<ReadyAgent> readyIn(long queueId) {
        return queries.readyIn(queueId);
    }

    /** Locks the agent's presence if it is still ready in the queue and no other transaction holds it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean lockIfReady(long userId, long queueId) {
        return queries.lockIfReady(userId, queueId);
    }

    /** Those of the agents that no open dashboard or API client has reported since {@code since}. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Set<Long> silentSince(Collection<Long> userIds, Instant since) {
        return userIds.isEmpty() ? Set.of() : queries.silentSince(userIds, since);
    }
}
