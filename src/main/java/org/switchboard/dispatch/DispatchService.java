package org.switchboard.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.agent.AgentActivity;
import org.switchboard.contact.ContactService;
import org.switchboard.dispatch.data.DispatchQueries;
import org.switchboard.dispatch.data.DispatchQueries.Candidate;

/**
 * Matches waiting contacts with agents: the longest waiting contact (queue priority first) goes to
 * the longest idle ready agent of its queue; chats to the agent with the fewest open chats within
 * capacity. Each offer is one transaction that locks the contact and the agent, so the engine is
 * correct when several app nodes dispatch at once.
 */
@Service
public class DispatchService {

    private static final int CANDIDATES_PER_ROUND = 200;
    private static final int MAX_ROUNDS = 500;

    private final DispatchQueries queries;
    private final ContactService contacts;
    private final AgentActivity activity;
    private final TransactionTemplate claimTransaction;

    DispatchService(DispatchQueries queries, ContactService contacts, AgentActivity activity,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.contacts = contacts;
        this.activity = activity;
        this.claimTransaction = new TransactionTemplate(transactions);
        // Dispatch runs after other transactions committed, sometimes from their after-commit hooks.
        this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Offers as many waiting contacts as there are free agents for; returns the number of offers made. */
    public int dispatch() {
        int offered = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Set<Long> open = new HashSet<>(queries.queuesWithAvailableAgents());
            if (open.isEmpty()) {
                return offered;
            }
            List<Candidate> candidates = queries.waitingContacts(open, CANDIDATES_PER_ROUND);
            int offeredThisRound = 0;
            boolean contended = false;
            for (Candidate candidate : candidates) {
                if (open.contains(candidate.queueId())) {
                    switch (claim(candidate)) {
                        case OFFERED -> offeredThisRound++;
                        case NO_AGENT -> open.remove(candidate.queueId());
                        case AGENTS_LOCKED, CONTACT_LOCKED -> contended = true;
                        case CONTACT_GONE -> {
                        }
                    }
                }
            }
            offered += offeredThisRound;
            if (offeredThisRound == 0 && !contended || candidates.isEmpty()) {
                return offered;
            }
            if (offeredThisRound == 0) {
                // Another transaction holds the rows we need; it finishes within milliseconds.
                Thread.onSpinWait();
                sleepBriefly();
            }
        }
        return offered;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    enum Claim { OFFERED, NO_AGENT, AGENTS_LOCKED, CONTACT_LOCKED, CONTACT_GONE }

    private Claim claim(Candidate candidate) {
        return claimTransaction.execute(status -> {
            if (!queries.lockWaiting(candidate.contactId())) {
                // Either it is no longer waiting, or another node is offering it right now.
                return queries.isWaiting(candidate.contactId()) ? Claim.CONTACT_LOCKED : Claim.CONTACT_GONE;
            }
            Optional<Long> agent = candidate.chat()
                    ? queries.lockChatAgent(candidate.queueId(), candidate.chatCapacity())
                    : queries.lockLongestIdleVoiceAgent(candidate.queueId());
            if (agent.isEmpty()) {
                // SKIP LOCKED passes over agents another transaction holds: those may still be free.
                return queries.hasAvailableAgent(candidate.queueId(), candidate.chat()) && !candidate.chat()
                        ? Claim.AGENTS_LOCKED : Claim.NO_AGENT;
            }
            if (!candidate.chat() && !activity.offered(agent.get())) {
                status.setRollbackOnly();
                return Claim.NO_AGENT;
            }
            if (!contacts.offer(candidate.contactId(), agent.get(), candidate.offerTimeoutSeconds())) {
                status.setRollbackOnly();
                return Claim.CONTACT_GONE;
            }
            return Claim.OFFERED;
        });
    }
}
