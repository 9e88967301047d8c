package org.switchboard.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.ChatContactQueries;

/**
 * The contact side of chats for the chat module, which owns the conversation, its messages and tags:
 * which chats an agent holds, which ended, whose they are. Reads join the caller's transaction when
 * there is one (SUPPORTS: the chat access checks run before their method's transaction); the chat
 * module checked its caller.
 */
@Service
@Unrestricted("the chat module's reads and the outbox sweep; the chat module checks its callers")
public class ChatContacts {

    /** A chat's contact row: who, where, in which state, with which agent. */
    public record ChatContact(long contactId, Channel channel, long queueId, String customerName, String customerAddress,
            ContactState state, Long agentId, Instant createdAt, Instant closedAt) {
    }

    /**
     * What the chat history searches by on the contact's side; null fields do not restrict.
     *
     * @param customer part of the customer's name or address
     * @param from     created at or after
     * @param to       created before
     */
    public record EndedChats(Long agentId, Collection<Long> queueIds, String customer, Instant from, Instant to) {
    }

    /** How many contact ids one statement names at most when the history is narrowed to some chats (a tag's). */
    private static final int IDS_PER_STATEMENT = 5_000;

    private final ChatContactQueries queries;

    ChatContacts(ChatContactQueries queries) {
        this.queries = queries;
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<ChatContact> find(long contactId) {
        return queries.find(contactId);
    }

    /** The agent's offered and connected chats. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ChatContact> openOf(long agentId) {
        return queries.openOf(agentId);
    }

    /**
     * Up to {@code limit} ended chats matching {@code filter}, newest first; when {@code among} is not null,
     * only those. A long {@code among} (a tag on many chats) is read in parts, each part's newest
     * {@code limit}, and the newest of all kept: the result is what one statement would give.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<ChatContact> ended(EndedChats filter, Collection<Long> among, int limit) {
        if (filter.queueIds() != null && filter.queueIds().isEmpty() || among != null && among.isEmpty()) {
            return List.of();
        }
        if (among == null || among.size() <= IDS_PER_STATEMENT) {
            return queries.ended(filter, among, limit);
        }
        List<Long> ids = List.copyOf(among);
        List<ChatContact> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_STATEMENT) {
            found.addAll(queries.ended(filter, ids.subList(from, Math.min(ids.size(), from + IDS_PER_STATEMENT)), limit));
        }
        return found.stream().sorted(Comparator.comparing(ChatContact::createdAt).reversed()).limit(limit).toList();
    }

    /** The connected chats of the queues: contact id to queue id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, Long> connectedIn(Collection<Long> queueIds) {
        return queueIds.isEmpty() ? Map.of() : queries.connectedIn(queueIds);
    }

    /** The agents of the contacts that have one: contact id to agent id. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Map<Long, Long> agentsOf(Collection<Long> contactIds) {
        return contactIds.isEmpty() ? Map.of() : queries.agentsOf(contactIds);
    }

    /**
     * The customer's open chat on this channel and queue, locked for the rest of the caller's transaction,
     * so that two messages of one customer never start two chats.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> lockOpenChat(Channel channel, String address, long queueId) {
        return queries.lockOpenChat(channel, address, queueId);
    }
}
