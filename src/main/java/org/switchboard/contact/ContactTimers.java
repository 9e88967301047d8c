package org.switchboard.contact;

import static org.switchboard.contact.ContactState.OFFERED;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.agent.AgentActivity;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.ContactRepository;
import org.switchboard.queue.QueueService;

/**
 * Applies the contact timers that are due: offer timeouts, maximum waits, ringing that connects,
 * scheduled hang-ups and wrap-ups that end by time. The due times live in the database; each batch
 * locks its rows with SKIP LOCKED, so several nodes can sweep at once without applying a timer twice.
 */
@Service
@Unrestricted("the sweep, on every node: it applies timers that are due in the database, no caller input")
public class ContactTimers {

    private static final int BATCH = 200;

    private final ContactRepository contacts;
    private final ContactService lifecycle;
    private final QueueService queues;
    private final AgentActivity activity;
    private final Clock clock;

    ContactTimers(ContactRepository contacts, ContactService lifecycle, QueueService queues, AgentActivity activity,
            Clock clock) {
        this.contacts = contacts;
        this.lifecycle = lifecycle;
        this.queues = queues;
        this.activity = activity;
        this.clock = clock;
    }

    /** Offers nobody accepted in time go back to their old place in the queue; the agent missed one. */
    @Transactional
    public int expireOffers() {
        Instant now = clock.instant();
        List<Long> due = contacts.lockDueOffers(now, BATCH);
        for (Long id : due) {
            ContactView contact = contacts.find(id).orElseThrow();
            if (contact.type() == ContactType.DIRECT_CALL_IN) {
                lifecycle.close(contact, Outcome.MISSED, List.of(OFFERED), "MISSED");
            } else {
                contacts.returnOfferToQueue(id);
                contacts.event(id, now, "OFFER_TIMED_OUT", contact.agentId(), null, null);
                int missesBeforePause = queues.findById(contact.queueId()).orElseThrow().settings().missedOffersBeforePause();
                activity.offerMissed(contact.agentId(), missesBeforePause, contact.type().isVoice());
            }
            lifecycle.publish(id);
        }
        return due.size();
    }

    /** Calls waiting past their queue's maximum end as timed out. */
    @Transactional
    public int timeOutWaiting() {
        List<Long> due = contacts.lockDueWaits(clock.instant(), BATCH);
        for (Long id : due) {
            lifecycle.timeOut(contacts.find(id).orElseThrow());
            lifecycle.publish(id);
        }
        return due.size();
    }

    /** Callbacks, campaign and outgoing calls that rang long enough connect to the customer. */
    @Transactional
    public int connectRinging() {
        Instant now = clock.instant();
        List<Long> due = contacts.lockDueConnects(now, BATCH);
        for (Long id : due) {
            contacts.markConnected(id);
            ContactView contact = contacts.find(id).orElseThrow();
            contacts.event(id, now, "CONNECTED", contact.agentId(), null, null);
            lifecycle.publish(id);
        }
        return due.size();
    }

    /** Calls that were to hang up after a recording end now. */
    @Transactional
    public int hangUpScheduled() {
        List<Long> due = contacts.lockDueHangUps(clock.instant(), BATCH);
        for (Long id : due) {
            lifecycle.endTalk(contacts.find(id).orElseThrow(), "HUNG_UP_AFTER_RECORDING");
            lifecycle.publish(id);
        }
        return due.size();
    }

    /** Wrap-ups whose time is over end, and their agents are free again. */
    @Transactional
    public int endWrapUpsByTime() {
        List<Long> due = contacts.lockDueWrapUpEnds(clock.instant(), BATCH);
        for (Long id : due) {
            lifecycle.closeWrapUp(contacts.find(id).orElseThrow(), WrapUpEndedBy.TIME);
            lifecycle.publish(id);
        }
        return due.size();
    }
}
