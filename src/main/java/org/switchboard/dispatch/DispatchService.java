package org.switchboard.dispatch;

import java.util.ArrayList;
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
import org.switchboard.common.TransactionRetry;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.ContactOffer;
import org.switchboard.contact.ContactService;
import org.switchboard.dispatch.data.DispatchQueries;
import org.switchboard.dispatch.data.DispatchQueries.Candidate;

/**
 * Matches waiting contacts with agents: the longest waiting contact (queue priority first) goes to
 * the longest idle ready agent of its queue; chats to the agent with the fewest open chats within
 * capacity. A claim transaction locks its contacts and agents with SKIP LOCKED, so the engine is
 * correct when several app nodes dispatch at once; it offers up to {@link #OFFERS_PER_TRANSACTION}
 * calls at once, because the per-transaction cost (round trips, commit) dominated one offer's cost.
 */
@Service
public class DispatchService {

    private static final int CANDIDATES_PER_ROUND = 200;
    private static final int OFFERS_PER_TRANSACTION = 25;
    private static final int MAX_ROUNDS = 500;

    private final DispatchQueries queries;
    private final ContactService contacts;
    private final AgentActivity activity;
    private final TransactionTemplate claimTransaction;
    private final TransactionRetry retry;

    DispatchService(DispatchQueries queries, ContactService contacts, AgentActivity activity,
            PlatformTransactionManager transactions, TransactionRetry retry) {
        this.queries = queries;
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
            Map<Long, Integer> places = new HashMap<>(queries.freePlacesByQueue());
            if (places.isEmpty()) {
                return offered;
            }
            int limit = Math.min(CANDIDATES_PER_ROUND, places.values().stream().mapToInt(Integer::intValue).sum());
            List<Candidate> candidates = queries.waitingContacts(places.keySet(), limit);
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
     * The next candidates for one claim transaction: calls up to the batch size, each queue's only as
     * many as it has free places. A chat goes alone, because the chat agent query counts the open
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
        Set<Long> locked = queries.lockWaiting(ids);
        // A contact not locked either stopped waiting, or another node is offering it right now.
        boolean contended = locked.size() < ids.size()
                && !queries.stillWaiting(ids.stream().filter(id -> !locked.contains(id)).toList()).isEmpty();
        List<ContactOffer> offers = new ArrayList<>();
        List<Long> voiceAgents = new ArrayList<>();
        for (Candidate candidate : batch) {
            if (!locked.contains(candidate.contactId()) || places.get(candidate.queueId()) <= 0) {
                continue;
            }
            Optional<Long> agent = candidate.chat()
                    ? queries.lockChatAgent(candidate.queueId(), candidate.chatCapacity())
                    : queries.lockLongestIdleVoiceAgent(candidate.queueId(), voiceAgents);
            if (agent.isEmpty()) {
                // SKIP LOCKED passes over agents another transaction holds: those may still be free.
                contended |= !candidate.chat() && queries.hasIdleVoiceAgent(candidate.queueId(), voiceAgents);
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
        // Both rows of every pair are locked and were checked in the same statement, so these cannot miss.
        if (!voiceAgents.isEmpty() && !activity.offered(voiceAgents)) {
            throw new IllegalStateException("An agent locked for an offer was no longer idle: " + voiceAgents);
        }
        if (!offers.isEmpty() && !contacts.offer(offers)) {
            throw new IllegalStateException("A contact locked for an offer was no longer waiting: " + offers);
        }
        return new Claimed(offers.size(), contended);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
