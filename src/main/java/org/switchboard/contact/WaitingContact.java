package org.switchboard.contact;

import java.time.Instant;

/**
 * A contact waiting in a queue, as the queue's details and the supervisor's drill-down list it: who, from
 * where, what kind, since when. Read with the columns it needs; the whole contact is {@link ContactView}.
 */
public record WaitingContact(long id, ContactType type, String customerName, String customerAddress, Instant queuedAt) {
}
