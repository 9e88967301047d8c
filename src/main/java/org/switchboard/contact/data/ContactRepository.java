package org.switchboard.contact.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.Outcome;
import org.switchboard.contact.WaitingContact;
import org.switchboard.contact.WrapUpEndedBy;

/**
 * Contacts and their event rows. Every change is a conditional UPDATE on the expected state, so a
 * transition that lost a race (on this node or another) changes nothing and reports false.
 */
@Repository
public class ContactRepository {

    /*
     * Only the contact's own columns: the queue's name and the agent's username belong to the queue and
     * security modules, and ContactService adds them for the readers that show them.
     */
    private static final String SELECT = "SELECT c.* FROM contact c";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRow(ContactType type, Channel channel, Long queueId, ContactState state, String customerName,
            String customerAddress, Long agentId, Long sourceContactId, Instant createdAt, Instant waitDeadline) {
    }

    public long insert(NewRow row) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact (type, channel, queue_id, state, customer_name, customer_address, agent_id,
                                     source_contact_id, created_at, queued_at, wait_deadline_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.type().name(), row.channel().name(), row.queueId(), row.state().name(), row.customerName(),
                        row.customerAddress(), row.agentId(), row.sourceContactId(), ts(row.createdAt()),
                        row.state() == ContactState.QUEUED ? ts(row.createdAt()) : null, ts(row.waitDeadline()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The name the customer gave on its newest contact from {@code address} that has one. */
    public Optional<String> latestCustomerName(String address) {
        return jdbc.sql("SELECT customer_name FROM contact WHERE customer_address = ? AND customer_name IS NOT NULL "
                + "ORDER BY id DESC LIMIT 1").param(address).query(String.class).optional();
    }

    public Optional<ContactView> find(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(ContactRepository::view).optional();
    }

    /** Reads the contact and locks its row for the rest of the transaction; empty when it does not exist. */
    public Optional<ContactView> lock(long id) {
        return jdbc.sql(SELECT + " WHERE c.id = ? FOR UPDATE").param(id).query(ContactRepository::view).optional();
    }

    /** The agent's contacts in wrap-up, locked; only the rows that match are locked (READ COMMITTED). */
    public List<ContactView> lockWrapUpsOf(long agentId) {
        return jdbc.sql(SELECT + " WHERE c.agent_id = ? AND c.state = 'WRAP_UP' ORDER BY c.offered_at, c.id FOR UPDATE")
                .param(agentId).query(ContactRepository::view).list();
    }

    public List<ContactView> openContactsOf(long agentId) {
        return jdbc.sql(SELECT + " WHERE c.agent_id = ? AND c.state IN ('OFFERED','CONNECTED','WRAP_UP') ORDER BY c.offered_at, c.id")
                .param(agentId).query(ContactRepository::view).list();
    }

    public List<WaitingContact> waitingIn(long queueId) {
        return jdbc.sql("""
                SELECT id, type, customer_name, customer_address, queued_at FROM contact
                WHERE queue_id = ? AND state = 'QUEUED' ORDER BY queued_at, id""")
                .param(queueId).query((rs, row) -> new WaitingContact(rs.getLong("id"), ContactType.valueOf(rs.getString("type")),
                        rs.getString("customer_name"), rs.getString("customer_address"), rs.getTimestamp("queued_at").toInstant()))
                .list();
    }

    /** The agent accepted the offer: connected now, or ringing the customer until {@code connectAt}. */
    public boolean markAccepted(long id, Instant now, Instant connectAt) {
        return transition(id, List.of(ContactState.OFFERED),
                "state = 'CONNECTED', answered_at = ?, connect_at = ?, connected_at = ?, offer_expires_at = NULL",
                now, connectAt, connectAt == null ? now : null);
    }

    /** A ringing call reached the customer (its {@code connect_at} came). */
    public boolean markConnected(long id) {
        return transition(id, List.of(ContactState.CONNECTED), "connected_at = connect_at, connect_at = NULL");
    }

    /** A call to a colleague's line connects when the colleague answers. */
    public boolean markColleagueAnswered(long id, Instant now) {
        return transition(id, List.of(ContactState.CONNECTED), "connected_at = ?", now);
    }

    /**
     * The other contact of a call between two users: the caller's DIRECT_CALL_OUT is the source of the
     * callee's DIRECT_CALL_IN (an outside direct call has no source).
     */
    public Optional<Long> colleagueCallOf(ContactView call) {
        return switch (call.type()) {
            case DIRECT_CALL_IN -> Optional.ofNullable(call.sourceContactId());
            case DIRECT_CALL_OUT -> jdbc.sql("SELECT id FROM contact WHERE source_contact_id = ? AND type = 'DIRECT_CALL_IN'")
                    .param(call.id()).query(Long.class).optional();
            default -> Optional.empty();
        };
    }

    /** The agent's outgoing call from this contact rings the customer until {@code connectAt} (null: until answered). */
    public boolean markDialing(long id, Instant now, Instant connectAt) {
        return transition(id, List.of(ContactState.CONNECTED), "answered_at = ?, connect_at = ?", now, connectAt);
    }

    /** A direct call rings at its agent until {@code expiresAt}. */
    public boolean markDirectOffer(long id, Instant now, Instant expiresAt) {
        return transition(id, List.of(ContactState.OFFERED), "offered_at = ?, offer_expires_at = ?", now, expiresAt);
    }

    /** An offer nobody accepted in time goes back to its place in the queue, one more missed offer on it. */
    public boolean returnOfferToQueue(long id) {
        return transition(id, List.of(ContactState.OFFERED),
                "state = 'QUEUED', agent_id = NULL, offered_at = NULL, offer_expires_at = NULL, missed_offers = missed_offers + 1");
    }

    /** The call ends at {@code at} (after a recording); false when it is no longer connected. */
    public boolean scheduleHangUp(long id, Instant at) {
        return transition(id, List.of(ContactState.CONNECTED), "hangup_at = ?", at);
    }

    public boolean cancelHangUp(long id) {
        return transition(id, List.of(ContactState.CONNECTED), "hangup_at = NULL");
    }

    /** The conversation is over at {@code endedAt}; wrap-up runs until {@code wrapUpEndsAt} (null: until the agent ends it). */
    public boolean startWrapUp(long id, Instant endedAt, Instant wrapUpEndsAt) {
        return transition(id, List.of(ContactState.CONNECTED),
                "state = 'WRAP_UP', ended_at = ?, wrap_up_ends_at = ?, connect_at = NULL, hangup_at = NULL",
                endedAt, wrapUpEndsAt);
    }

    /** The agent's one extension of wrap-up, to {@code endsAt}. */
    public boolean extendWrapUp(long id, Instant endsAt) {
        return transition(id, List.of(ContactState.WRAP_UP), "wrap_up_ends_at = ?, wrap_up_extended = TRUE", endsAt);
    }

    public boolean endWrapUp(long id, Outcome outcome, Instant now, WrapUpEndedBy by) {
        return transition(id, List.of(ContactState.WRAP_UP),
                "state = 'ENDED', outcome = ?, wrap_up_ended_at = ?, wrap_up_ended_by = ?, closed_at = ?, wrap_up_ends_at = NULL",
                outcome, now, by, now);
    }

    /** Ends the contact at once with {@code outcome}, from any of the states in {@code from}; every timer stops. */
    public boolean close(long id, List<ContactState> from, Outcome outcome, Instant now) {
        return transition(id, from,
                "state = 'ENDED', outcome = ?, ended_at = COALESCE(ended_at, ?), closed_at = ?, offer_expires_at = NULL, "
                        + "wait_deadline_at = NULL, connect_at = NULL, hangup_at = NULL",
                outcome, now, now);
    }

    /** Updates the contact only if it is in one of {@code from}; {@code set} is a SQL SET list. */
    private boolean transition(long id, List<ContactState> from, String set, Object... params) {
        Object[] all = new Object[params.length + 1];
        for (int i = 0; i < params.length; i++) {
            all[i] = params[i] instanceof Instant instant ? ts(instant) : params[i] instanceof Enum<?> e ? e.name() : params[i];
        }
        all[params.length] = id;
        String states = String.join(",", from.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("UPDATE contact SET " + set + " WHERE id = ? AND state IN (" + states + ")").params(all).update() == 1;
    }

    public record OfferRow(long contactId, long agentId, Instant expiresAt) {
    }

    /**
     * Offers waiting contacts to their agents in one UPDATE; returns how many were still waiting. The
     * dispatcher holds their row locks, so anything short of all of them means a bug, not a race.
     */
    public int offer(List<OfferRow> rows, Instant now) {
        String cases = String.join(" ", Collections.nCopies(rows.size(), "WHEN ? THEN ?"));
        List<Object> params = new ArrayList<>(rows.size() * 5 + 1);
        rows.forEach(row -> Collections.addAll(params, row.contactId(), row.agentId()));
        params.add(ts(now));
        rows.forEach(row -> Collections.addAll(params, row.contactId(), ts(row.expiresAt())));
        rows.forEach(row -> params.add(row.contactId()));
        return jdbc.sql("UPDATE contact SET state = 'OFFERED', agent_id = CASE id " + cases + " END, offered_at = ?, "
                + "offer_expires_at = CASE id " + cases + " END WHERE state = 'QUEUED' AND id IN ("
                + String.join(", ", Collections.nCopies(rows.size(), "?")) + ")").params(params).update();
    }

    /** Offers whose ring time is over, locked, skipping rows another node holds; so are the others below. */
    public List<Long> lockDueOffers(Instant now, int limit) {
        return lockDue("offer_expires_at", ContactState.OFFERED, now, limit);
    }

    /** Waiting contacts past their queue's maximum wait. */
    public List<Long> lockDueWaits(Instant now, int limit) {
        return lockDue("wait_deadline_at", ContactState.QUEUED, now, limit);
    }

    /** Ringing calls whose customer answers now. */
    public List<Long> lockDueConnects(Instant now, int limit) {
        return lockDue("connect_at", ContactState.CONNECTED, now, limit);
    }

    /** Calls to hang up after their recording. */
    public List<Long> lockDueHangUps(Instant now, int limit) {
        return lockDue("hangup_at", ContactState.CONNECTED, now, limit);
    }

    /** Wrap-ups whose time is over. */
    public List<Long> lockDueWrapUpEnds(Instant now, int limit) {
        return lockDue("wrap_up_ends_at", ContactState.WRAP_UP, now, limit);
    }

    private List<Long> lockDue(String column, ContactState state, Instant now, int limit) {
        return jdbc.sql("SELECT id FROM contact WHERE " + column + " <= ? AND state = ? ORDER BY " + column
                + " LIMIT ? FOR UPDATE SKIP LOCKED").params(ts(now), state.name(), limit).query(Long.class).list();
    }

    public record EventRow(long contactId, Instant at, String type, Long agentId, Long actorId, String detail) {
    }

    public void event(long contactId, Instant at, String type, Long agentId, Long actorId, String detail) {
        events(List.of(new EventRow(contactId, at, type, agentId, actorId, detail)));
    }

    /** One multi-row INSERT: the dispatcher writes the events of a whole batch of offers in one round trip. */
    public void events(List<EventRow> rows) {
        List<Object> params = new ArrayList<>(rows.size() * 6);
        for (EventRow row : rows) {
            Collections.addAll(params, row.contactId(), ts(row.at()), row.type(), row.agentId(), row.actorId(), row.detail());
        }
        jdbc.sql("INSERT INTO contact_event (contact_id, at, type, agent_id, actor_id, detail) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?)"))).params(params).update();
    }

    static ContactView view(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        String endedBy = rs.getString("wrap_up_ended_by");
        return new ContactView(rs.getLong("id"), ContactType.valueOf(rs.getString("type")),
                Channel.valueOf(rs.getString("channel")), (Long) rs.getObject("queue_id", Long.class),
                null, ContactState.valueOf(rs.getString("state")),
                outcome == null ? null : Outcome.valueOf(outcome), rs.getString("customer_name"),
                rs.getString("customer_address"), (Long) rs.getObject("agent_id", Long.class),
                null, (Long) rs.getObject("source_contact_id", Long.class),
                instant(rs, "created_at"), instant(rs, "queued_at"), instant(rs, "offered_at"),
                instant(rs, "offer_expires_at"), instant(rs, "answered_at"), instant(rs, "connect_at"),
                instant(rs, "connected_at"), instant(rs, "hangup_at"), instant(rs, "ended_at"),
                instant(rs, "wrap_up_ends_at"), rs.getBoolean("wrap_up_extended"), instant(rs, "wrap_up_ended_at"),
                endedBy == null ? null : WrapUpEndedBy.valueOf(endedBy), instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
