package org.switchboard.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.data.PresenceRepository;
import org.switchboard.agent.data.PresenceRepository.PresenceRow;
import org.switchboard.common.Unrestricted;

/**
 * The voice activity of an agent as its contacts move on. Called by the contact life cycle inside
 * its own transaction (MANDATORY), so a contact and its agent always change together.
 */
@Service
@Unrestricted("the contact life cycle and the dispatcher, inside their transactions; those checked the caller")
public class AgentActivity {

    private final PresenceRepository presence;
    private final AgentStatusService status;
    private final Clock clock;

    AgentActivity(PresenceRepository presence, AgentStatusService status, Clock clock) {
        this.presence = presence;
        this.status = status;
        this.clock = clock;
    }

    /** Locks and returns the agent's activity, creating its presence on first use. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Activity lock(long userId) {
        return status.lock(userId, clock.instant()).activity();
    }

    /** The agent took a call (accepted an offer, or started or answered a direct call). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onContact(long userId, boolean acceptedOffer) {
        Instant now = clock.instant();
        if (acceptedOffer) {
            presence.answered(userId, now);
        } else {
            presence.setActivity(userId, Activity.ON_CONTACT, now, null);
        }
        presence.event(userId, now, "ON_CONTACT", null, null, AgentAccess.actorId(), null);
        status.publish(userId, Set.of(), false);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void wrapUp(long userId) {
        Instant now = clock.instant();
        presence.setActivity(userId, Activity.WRAP_UP, now, null);
        presence.event(userId, now, "WRAP_UP", null, null, AgentAccess.actorId(), null);
        status.publish(userId, Set.of(), false);
    }

    /**
     * The call and its wrap-up are over: the agent is idle again and a pending pause or logout
     * applies now. Only a queue contact resets the agent's place in the longest-idle order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finished(long userId, boolean queueContact) {
        Instant now = clock.instant();
        PresenceRow agent = presence.lock(userId).orElseThrow();
        presence.setActivity(userId, Activity.IDLE, now, queueContact ? now : null);
        presence.event(userId, now, "IDLE", null, null, AgentAccess.actorId(), null);
        Set<Long> touched = applyPending(userId, agent, now);
        status.publish(userId, touched, agent.pendingAction() == null);
    }

    /** The customer left or the offer went elsewhere before the agent answered; a pending pause or logout applies now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void offerWithdrawn(long userId) {
        Instant now = clock.instant();
        PresenceRow agent = presence.lock(userId).orElseThrow();
        if (presence.changeActivity(userId, Activity.OFFERED, Activity.IDLE, now)) {
            presence.event(userId, now, "OFFER_WITHDRAWN", null, null, null, null);
            status.publish(userId, applyPending(userId, agent, now), agent.pendingAction() == null);
        }
    }

    /**
     * The agent let an offer ring out. A pause or logout it asked for while the call rang applies
     * now. After {@code missesBeforePause} misses in a row it is paused with the reason "Missed
     * offers" in every queue where it is still ready. Short of that, an agent that has been silent for
     * the disconnect time (its dashboard closed, its node gone) is paused at once with the reason
     * "Disconnected", in the same transaction: the sweep pauses only idle agents, and the dispatch that
     * follows the returned offer would otherwise offer it the next waiting contact straight away, again
     * and again, while agents who are there wait.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void offerMissed(long userId, int missesBeforePause, boolean voice) {
        Instant now = clock.instant();
        PresenceRow agent = presence.lock(userId).orElseThrow();
        Set<Long> changed = new HashSet<>();
        if (voice && presence.changeActivity(userId, Activity.OFFERED, Activity.IDLE, now)) {
            changed.addAll(applyPending(userId, agent, now));
        }
        int missed = agent.missedInRow() + 1;
        presence.event(userId, now, "OFFER_MISSED", null, null, null, "in a row: " + missed);
        if (missed >= missesBeforePause) {
            changed.addAll(status.pauseReady(userId, status.systemReason(PauseReason.MISSED_OFFERS), now, null));
            missed = 0;
        } else if (status.silent(agent, now)) {
            changed.addAll(status.pauseReady(userId, status.systemReason(PauseReason.DISCONNECTED), now, null));
        }
        presence.setMissedInRow(userId, missed);
        status.publish(userId, changed, changed.isEmpty());
    }

    /** Marks an idle agent as offered a call; false if it is no longer idle (another node won). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean offered(long userId) {
        return markOffered(List.of(userId));
    }

    /**
     * Marks idle agents as offered a call each, in one statement and one multi-row event insert (the
     * dispatcher's batch). False if some agent was no longer idle; the caller then rolls back, as the
     * others may have changed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean offered(Collection<Long> userIds) {
        return markOffered(userIds);
    }

    private boolean markOffered(Collection<Long> userIds) {
        Instant now = clock.instant();
        boolean changed = presence.changeActivity(userIds, Activity.IDLE, Activity.OFFERED, now) == userIds.size();
        if (changed) {
            presence.events(userIds, now, "OFFERED", null, null, null, null);
        }
        return changed;
    }

    /** The agent is idle again: the pause or logout it asked for meanwhile applies; returns the queues changed. */
    private Set<Long> applyPending(long userId, PresenceRow agent, Instant now) {
        if (agent.pendingAction() == null) {
            return Set.of();
        }
        presence.setPending(userId, null, null);
        return status.apply(userId, agent.pendingAction(), agent.pendingReasonId(), now, null);
    }
}
