package org.switchboard.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.agent.AgentActivity;
import org.switchboard.agent.AgentAvailability;
import org.switchboard.agent.AgentAvailability.ReadyAgent;
import org.switchboard.agent.AgentAvailability.ReadyCount;
import org.switchboard.common.TransactionRetry;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.ContactOffer;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.WaitingContacts;
import org.switchboard.contact.WaitingContacts.Waiting;
import org.switchboard.queue.QueueDirectory;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;

/**
 * Matches waiting contacts with agents: the longest waiting contact (queue priority first) goes to
 * the longest idle ready agent of its queue; chats to the agent with the fewest open chats within
 * capacity. A claim transaction locks its contacts and agents with SKIP LOCKED, so the engine is
 * correct when several app nodes dispatch at once; it offers up to {@link #OFFERS_PER_TRANSACTION}
 * calls at once, because the per-transaction cost (round trips, commit) dominated one offer's cost.
 * It reads and locks contacts through the contact module ({@link WaitingContacts}), agents through the
 * agent module ({@link AgentAvailability}) and queue settings through {@link QueueDirectory}: it owns no table.
 */
@Service
public class DispatchService {

    private static final int CANDIDATES_PER_ROUND = 200;
    private static final int OFFERS_PER_TRANSACTION = 25;
    private static final int MAX_ROUNDS = 500;

    private final WaitingContacts waiting;
    private final AgentAvailability agents;
    private final QueueDirectory queues;
    private final ContactService contacts;
    private final AgentActivity activity;
    private final TransactionTemplate claimTransaction;
    private final TransactionRetry retry;

    DispatchService(WaitingContacts waiting, AgentAvailability agents, QueueDirectory queues, ContactService contacts,
            AgentActivity activity, PlatformTransactionManager transactions, TransactionRetry retry) {
        this.waiting = waiting;
        this.agents = agents;
        this.queues = queues;
        this.retry = retry;
        this.contacts = contacts;
        this.activity = activity;
        this.claimTransaction = new TransactionTemplate(transactions);
        // Dispatch runs after other transactions committed, sometimes from their after-commit hooks.
        this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Offers as many waiting contacts as there are free agents for; returns the number of offers made. */
    @Unrestricted("the dispatcher thread and the sweep, without a user: it offers waiting contacts by the routing rules")
    public int dispatch() {
        int offered = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            // Free places per queue: an upper bound that shrinks as this round offers or finds nobody.
            Map<Long, ReadyCount> ready = agents.readyByQueue();
            if (ready.isEmpty()) {
                return offered;
            }
            Map<Long, QueueInfo> settings = queues.byIds(ready.keySet());
            Map<Long, Integer> places = freePlaces(ready, settings);
            if (places.isEmpty()) {
                return offered;
            }
            int limit = Math.min(CANDIDATES_PER_ROUND, places.values().stream().mapToInt(Integer::intValue).sum());
            Map<Long, Integer> priorities = new HashMap<>();
            places.keySet().forEach(queue -> priorities.put(queue, settings.get(queue).settings().priority()));
            List<Candidate> candidates = waiting.longestWaiting(priorities, limit).stream()
                    .map(contact -> Candidate.of(contact, settings.get(contact.queueId()))).toList();
            Claimed claimed = Claimed.NONE;
            for (ListIterator<Candidate> next = candidates.listIterator(); next.hasNext(); ) {
                List<Candidate> batch = nextBatch(next, places);
                if (!batch.isEmpty()) {
                    claimed = claimed.plus(claimWithRetry(batch, places));
                }
            }
            offered += claimed.offers();
            boolean placesLeft = places.values().stream().anyMatch(n -> n > 0);
            // Another round only when this one may have left work: more contacts than it read, or rows held elsewhere.
            if (!claimed.contended() && (claimed.offers() == 0 || !placesLeft || candidates.size() < limit)) {
                return offered;
            }
            if (claimed.offers() == 0) {
                // Another transaction holds the rows we need; it finishes within milliseconds.
                sleepBriefly();
            }
        }
        return offered;
    }

    /**
     * How many contacts each queue could take now at most: its idle agents for calls, its ready agents
     * times the chat capacity for chats. An agent in several queues counts in each, so the dispatcher
     * treats the figure as a bound. Queues with no place are left out.
     */
    private static Map<Long, Integer> freePlaces(Map<Long, ReadyCount> ready, Map<Long, QueueInfo> settings) {
        Map<Long, Integer> places = new HashMap<>();
        ready.forEach((queueId, count) -> {
            QueueInfo queue = settings.get(queueId);
            int free = queue == null ? 0
                    : queue.kind() == QueueKind.CHAT ? count.ready() * queue.settings().chatCapacity() : count.idle();
            if (free > 0) {
                places.put(queueId, free);
            }
        });
        return places;
    }

    /** A waiting contact with the settings of its queue that the claim needs. */
    private record Candidate(long contactId, long queueId, ContactType type, int offerTimeoutSeconds, int chatCapacity) {

        static Candidate of(Waiting contact, QueueInfo queue) {
            return new Candidate(contact.contactId(), contact.queueId(), contact.type(),
                    queue.settings().offerTimeoutSeconds(), queue.settings().chatCapacity());
        }

        boolean chat() {
            return type == ContactType.CHAT;
        }
    }

    /**
     * The next candidates for one claim transaction: calls up to the batch size, each queue's only as
     * many as it has free places. A chat goes alone, because choosing its agent counts the open
     * chats in the table and must see the previous chat offer.
     */
    private static List<Candidate> nextBatch(ListIterator<Candidate> next, Map<Long, Integer> places) {
        List<Candidate> batch = new ArrayList<>();
        Map<Long, Integer> taken = new HashMap<>();
        while (next.hasNext() && batch.size() < OFFERS_PER_TRANSACTION) {
            Candidate candidate = next.next();
            if (candidate.chat() && !batch.isEmpty()) {
                next.previous();
                break;
            }
            if (taken.getOrDefault(candidate.queueId(), 0) < places.get(candidate.queueId())) {
                batch.add(candidate);
                taken.merge(candidate.queueId(), 1, Integer::sum);
                if (candidate.chat()) {
                    break;
                }
            }
        }
        return batch;
    }

    private record Claimed(int offers, boolean contended) {

        static final Claimed NONE = new Claimed(0, false);

        Claimed plus(Claimed other) {
            return new Claimed(offers + other.offers, contended || other.contended);
        }
    }

    /**
     * Runs a claim transaction, again if it loses a deadlock; each attempt works on a copy of the free
     * places, so a rolled-back attempt leaves them as they were.
     */
    private Claimed claimWithRetry(List<Candidate> batch, Map<Long, Integer> places) {
        return retry.run("DispatchService.claim", () -> {
            Map<Long, Integer> attempt = new HashMap<>(places);
            Claimed claimed = claimTransaction.execute(status -> claim(batch, attempt));
            places.putAll(attempt);
            return claimed;
        });
    }

    /** One claim transaction: locks the contacts, then for each in order its queue's agent; writes all offers at once. */
    private Claimed claim(List<Candidate> batch, Map<Long, Integer> places) {
        List<Long> ids = batch.stream().map(Candidate::contactId).toList();
        Set<Long> locked = waiting.lockWaiting(ids);
        // A contact not locked either stopped waiting, or another node is offering it right now.
        boolean contended = locked.size() < ids.size()
                && !waiting.stillWaiting(ids.stream().filter(id -> !locked.contains(id)).toList()).isEmpty();
        List<ContactOffer> offers = new ArrayList<>();
        List<Long> voiceAgents = new ArrayList<>();
        for (Candidate candidate : batch) {
            if (!locked.contains(candidate.contactId()) || places.get(candidate.queueId()) <= 0) {
                continue;
            }
            Optional<Long> agent = candidate.chat()
                    ? lockChatAgent(candidate.queueId(), candidate.chatCapacity())
                    : agents.lockLongestIdle(candidate.queueId(), voiceAgents);
            if (agent.isEmpty()) {
                // SKIP LOCKED passes over agents another transaction holds: those may still be free.
                contended |= !candidate.chat() && agents.hasIdle(candidate.queueId(), voiceAgents);
                places.put(candidate.queueId(), 0);
                continue;
            }
            if (!candidate.chat()) {
                voiceAgents.add(agent.get());
            }
            offers.add(new ContactOffer(candidate.contactId(), candidate.type(), candidate.queueId(), agent.get(),
                    candidate.offerTimeoutSeconds()));
            places.merge(candidate.queueId(), -1, Integer::sum);
        }
        // Both rows of every pair are locked and were checked under those locks, so these cannot miss.
        if (!voiceAgents.isEmpty() && !activity.offered(voiceAgents)) {
            throw new IllegalStateException("An agent locked for an offer was no longer idle: " + voiceAgents);
        }
        if (!offers.isEmpty() && !contacts.offer(offers)) {
            throw new IllegalStateException("A contact locked for an offer was no longer waiting: " + offers);
        }
        return new Claimed(offers.size(), contended);
    }

    /**
     * The ready agent of the chat queue with the fewest open chats below capacity, then idle the
     * longest, locked. The agent's presence row and its contacts belong to two modules, so this is no
     * longer one statement: the ready agents and their chat counts are read without locks to rank them,
     * then each in that order is locked with SKIP LOCKED and its chats counted again under the lock,
     * and one still below capacity is taken. That is as safe as the single statement was: a chat is
     * only ever offered to an agent by a claim transaction that holds the agent's presence row, so
     * once this transaction holds it, no other can add a chat to the agent until this one commits, and
     * the count read after the lock (READ COMMITTED: each statement sees what is committed) can only
     * be too high, never too low (a chat ending meanwhile). An agent another node holds is passed over,
     * as before.
     */
    private Optional<Long> lockChatAgent(long queueId, int capacity) {
        List<ReadyAgent> ready = agents.readyIn(queueId);
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Integer> open = waiting.openChats(ready.stream().map(ReadyAgent::userId).toList());
        List<ReadyAgent> ranked = ready.stream()
                .filter(agent -> open.getOrDefault(agent.userId(), 0) < capacity)
                .sorted(Comparator.<ReadyAgent>comparingInt(agent -> open.getOrDefault(agent.userId(), 0))
                        .thenComparing(ReadyAgent::idleSince, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .thenComparingLong(ReadyAgent::userId))
                .toList();
        for (ReadyAgent agent : ranked) {
            if (agents.lockIfReady(agent.userId(), queueId)
                    && waiting.openChats(List.of(agent.userId())).getOrDefault(agent.userId(), 0) < capacity) {
                return Optional.of(agent.userId());
            }
        }
        return Optional.empty();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
