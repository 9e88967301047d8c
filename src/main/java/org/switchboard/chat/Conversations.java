package org.switchboard.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.switchboard.chat.data.ChatStore;
import org.switchboard.chat.data.ChatStore.ConversationRow;
import org.switchboard.chat.data.ChatStore.MessageRow;
import org.switchboard.chat.data.ChatStore.Turn;
import org.switchboard.contact.ChatContacts;
import org.switchboard.contact.ChatContacts.ChatContact;
import org.switchboard.contact.ChatContacts.EndedChats;
import org.switchboard.queue.QueueDirectory;
import org.switchboard.queue.QueueInfo;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserNames.UserName;

/**
 * Chats as the screens read them, put together from their owners: the contact's part from the contact
 * module, the queue's name from the queue module, authors' names from the security module, the rest
 * from the chat tables. Each read is one statement to each owner for all the chats it shows.
 */
@Component
class Conversations {

    private final ChatStore store;
    private final ChatContacts contacts;
    private final QueueDirectory queues;
    private final UserNames names;

    Conversations(ChatStore store, ChatContacts contacts, QueueDirectory queues, UserNames names) {
        this.store = store;
        this.contacts = contacts;
        this.queues = queues;
        this.names = names;
    }

    Optional<Conversation> find(long contactId, long readerId) {
        return contacts.find(contactId).flatMap(chat -> assemble(List.of(chat), readerId).stream().findFirst());
    }

    /** The agent's offered and connected chats, the most recently active first. */
    List<Conversation> openOf(long agentId) {
        return assemble(contacts.openOf(agentId), agentId).stream()
                .sorted(Comparator.comparing(Conversation::lastMessageAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Ended chats, newest first; {@code tag}, when not null, keeps only the chats that carry it. */
    List<Conversation> history(long readerId, EndedChats filter, String tag, int limit) {
        return assemble(contacts.ended(filter, tag == null ? null : store.tagged(tag), limit), readerId);
    }

    int unreadChatsOf(long agentId) {
        return store.unreadAmong(contacts.openOf(agentId).stream().map(ChatContact::contactId).toList(), agentId);
    }

    /** The messages of a chat, oldest first; an agent's message is signed with its name, a customer's with the customer's. */
    List<ChatMessage> messages(long contactId) {
        List<MessageRow> rows = store.messages(contactId);
        String customer = contacts.find(contactId).map(ChatContact::customerName).orElse(null);
        Map<Long, UserName> authors = names.of(rows.stream().map(MessageRow::authorId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        return rows.stream().map(m -> new ChatMessage(m.id(), m.contactId(), m.direction(), m.body(),
                m.direction() == Direction.IN ? customer
                        : m.authorId() == null || !authors.containsKey(m.authorId()) ? null : authors.get(m.authorId()).displayName(),
                m.sentAt(), m.delivery(), m.attachments())).toList();
    }

    /** Reply figures of the connected chats of each queue at {@code now}; queues with none are missing. */
    Map<Long, ChatFigures> figures(Collection<Long> queueIds, Instant now) {
        Map<Long, Long> connected = contacts.connectedIn(queueIds);
        Map<Long, List<Turn>> byQueue = store.turns(connected.keySet()).stream()
                .collect(Collectors.groupingBy(turn -> connected.get(turn.contactId())));
        Map<Long, ChatFigures> figures = new HashMap<>();
        byQueue.forEach((queueId, turns) -> {
            List<Turn> onAgent = turns.stream().filter(turn -> turn.awaiting() == Awaiting.AGENT).toList();
            Instant oldest = onAgent.stream().map(Turn::since).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            figures.put(queueId, new ChatFigures(onAgent.size(), (int) turns.stream().filter(turn -> turn.awaiting() == Awaiting.CUSTOMER).count(),
                    oldest == null ? Duration.ZERO : Duration.between(oldest, now)));
        });
        return figures;
    }

    private List<Conversation> assemble(List<ChatContact> chats, long readerId) {
        if (chats.isEmpty()) {
            return List.of();
        }
        Map<Long, ConversationRow> rows = store.conversations(chats.stream().map(ChatContact::contactId).toList(), readerId);
        Set<Long> queueIds = chats.stream().map(ChatContact::queueId).collect(Collectors.toSet());
        Map<Long, QueueInfo> queueNames = queues.byIds(queueIds);
        return chats.stream().filter(chat -> rows.containsKey(chat.contactId())).map(chat -> {
            ConversationRow row = rows.get(chat.contactId());
            QueueInfo queue = queueNames.get(chat.queueId());
            return new Conversation(chat.contactId(), chat.channel(), chat.queueId(), queue == null ? null : queue.name(),
                    chat.customerName(), chat.customerAddress(), chat.state(), chat.agentId(), row.lastMessage(),
                    row.lastMessageAt(), row.unread(), row.awaiting(), row.awaitingSince(), chat.createdAt(), chat.closedAt(),
                    row.tags());
        }).toList();
    }
}
