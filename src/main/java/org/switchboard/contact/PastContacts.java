package org.switchboard.contact;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.PastContactStore;

/**
 * Closed contacts of the past written in bulk (the demo's history): JDBC batches, so weeks of history
 * take seconds. Only ENDED contacts with their events; the life cycle of live contacts goes through
 * {@link ContactService}. Called inside the importer's transaction (MANDATORY).
 */
@Service
@Unrestricted("the demo data at start-up, inside its transaction; it writes ended history only, no live contact")
public class PastContacts {

    /**
     * An ended contact as it happened. Its id is chosen by the importer (from {@link #nextId}), so
     * events, chats and campaign calls can name it before the batch is written.
     */
    public record PastContact(long id, ContactType type, Channel channel, Long queueId, Outcome outcome, String customerName,
            String customerAddress, Long agentId, Long sourceContactId, Instant createdAt, Instant offeredAt,
            Instant answeredAt, Instant connectedAt, Instant endedAt, Instant wrapUpEndedAt, WrapUpEndedBy wrapUpEndedBy) {

        /** When the contact closed: the end of its wrap-up, or of the conversation when it had none. */
        public Instant closedAt() {
            return wrapUpEndedAt != null ? wrapUpEndedAt : endedAt;
        }
    }

    /** A step in a past contact's history, as {@code contact_event} stores it. */
    public record PastEvent(long contactId, Instant at, String type, Long agentId) {
    }

    private final PastContactStore store;

    PastContacts(PastContactStore store) {
        this.store = store;
    }

    /** The first id after every contact's. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public long nextId() {
        return store.maxId() + 1;
    }

    /** Whether any contact was created from {@code from} to {@code to}. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public boolean anyCreated(Instant from, Instant to) {
        return store.countCreated(from, to) > 0;
    }

    /** Writes the contacts, then their events, each in JDBC batches; a contact comes after the one it names as its source. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(List<PastContact> contacts, List<PastEvent> events) {
        store.insert(contacts, events);
    }
}
