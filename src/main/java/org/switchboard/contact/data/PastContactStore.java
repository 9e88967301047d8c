package org.switchboard.contact.data;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.switchboard.contact.PastContacts.PastContact;
import org.switchboard.contact.PastContacts.PastEvent;

/** Bulk inserts of ended contacts and their events; see {@link org.switchboard.contact.PastContacts}. */
@Repository
public class PastContactStore {

    private final JdbcTemplate jdbc;

    PastContactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long maxId() {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM contact", Long.class);
        return max == null ? 0 : max;
    }

    public int countCreated(Instant from, Instant to) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM contact WHERE created_at >= ? AND created_at < ?",
                Integer.class, ts(from), ts(to));
        return count == null ? 0 : count;
    }

    public void insert(List<PastContact> contacts, List<PastEvent> events) {
        jdbc.batchUpdate("""
                INSERT INTO contact (id, type, channel, queue_id, state, outcome, customer_name, customer_address, agent_id,
                                     source_contact_id, created_at, queued_at, offered_at, answered_at, connected_at, ended_at,
                                     wrap_up_ended_at, wrap_up_ended_by, closed_at)
                VALUES (?, ?, ?, ?, 'ENDED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                contacts.stream().map(c -> new Object[] {c.id(), c.type().name(), c.channel().name(), c.queueId(),
                        c.outcome().name(), c.customerName(), c.customerAddress(), c.agentId(), c.sourceContactId(),
                        ts(c.createdAt()), ts(c.createdAt()), ts(c.offeredAt()), ts(c.answeredAt()), ts(c.connectedAt()),
                        ts(c.endedAt()), ts(c.wrapUpEndedAt()), c.wrapUpEndedBy() == null ? null : c.wrapUpEndedBy().name(),
                        ts(c.closedAt())}).toList());
        jdbc.batchUpdate("INSERT INTO contact_event (contact_id, at, type, agent_id) VALUES (?, ?, ?, ?)",
                events.stream().map(e -> new Object[] {e.contactId(), ts(e.at()), e.type(), e.agentId()}).toList());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
