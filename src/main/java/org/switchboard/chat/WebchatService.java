package org.switchboard.chat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.data.ChatStore;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.SessionTokens;
import org.switchboard.common.PublicClient;
import org.switchboard.common.TokenBuckets;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.CustomerAddresses;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.SystemUser;

/**
 * The customer's side of a webchat, for the public page: no sign-in, so the customer holds a random
 * session token (only its hash is stored) that finds the conversation again after a reload.
 * Starts are rate-limited per client address and messages per session.
 */
@Service
@Unrestricted("the public webchat page: customers without sign-in, found again by their session token, rate-limited")
public class WebchatService {

    /** What the customer's page keeps: the token and the chat it opens. */
    public record Session(String token, long contactId) {
    }

    /** The conversation as the customer sees it. */
    public record Transcript(long contactId, String queueName, String customerName, boolean ended, List<ChatMessage> messages) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChatService chats;
    private final ChatStore store;
    private final Conversations conversations;
    private final ContactService contacts;
    private final QueueService queues;
    private final CustomerAddresses addresses;
    private final TokenBuckets<String> starts;
    private final TokenBuckets<String> addressStarts;
    private final TokenBuckets<Long> messages;

    WebchatService(ChatService chats, ChatStore store, Conversations conversations, ContactService contacts, QueueService queues,
            CustomerAddresses addresses, ChatProperties properties) {
        this.chats = chats;
        this.store = store;
        this.conversations = conversations;
        this.contacts = contacts;
        this.queues = queues;
        this.addresses = addresses;
        this.starts = new TokenBuckets<>(properties.webchatStartsBurst(), properties.webchatStartsPerSecond(), 50_000);
        this.addressStarts = new TokenBuckets<>(properties.webchatAddressStartsBurst(),
                properties.webchatAddressStartsPerSecond(), 50_000);
        this.messages = new TokenBuckets<>(properties.webchatBurst(), properties.webchatMessagesPerSecond(), 50_000);
    }

    /**
     * The chat queue a webchat page belongs to, by its name or its slug (lower case, words joined
     * by '-': "Web Chat" is "web-chat"); a clear error for anything else.
     */
    @Transactional(readOnly = true)
    public QueueInfo queue(String nameOrSlug) {
        return chatQueue(nameOrSlug);
    }

    private QueueInfo chatQueue(String nameOrSlug) {
        String wanted = nameOrSlug == null ? "" : nameOrSlug.strip();
        return SystemUser.call(queues::findAll).stream()
                .filter(q -> q.kind() == QueueKind.CHAT && q.answersTo(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("chat.error.no-such-webchat", wanted));
    }

    /** The queue's name as it reads in a link. */
    public static String slug(String queueName) {
        return QueueInfo.slugOf(queueName);
    }

    /**
     * The customer starts a chat with a name, an optional phone number (so the agent may call back)
     * and a first message. Starts are limited per browser, and more generously per client address.
     */
    @Transactional
    public Session start(String queueName, String customerName, String phone, String text, PublicClient client) {
        QueueInfo queue = chatQueue(queueName);
        if (customerName == null || customerName.isBlank()) {
            throw new ValidationException("voice.error.name-required");
        }
        String address = phone == null || phone.isBlank() ? "web-" + HexFormat.of().formatHex(bytes(4))
                : addresses.phone(phone);
        ChatService.checkText(text);
        throttle(starts.acquire(client.browserKey()));
        throttle(addressStarts.acquire(client.address()));
        String token = SessionTokens.newToken();
        ChatMessage first = SystemUser.call(() -> chats.open(
                new NewContact(queue.name(), ContactType.CHAT, Channel.WEBCHAT, customerName, address), text, SessionTokens.hash(token), null));
        return new Session(token, first.contactId());
    }

    /** The conversation of a token; empty when the token is unknown (a stale page). */
    @Transactional(readOnly = true)
    public java.util.Optional<Transcript> transcript(String token) {
        return contactOf(token).map(contactId -> {
            ContactView contact = SystemUser.call(() -> contacts.get(contactId));
            return new Transcript(contactId, contact.queueName(), contact.customerName(), ended(contact),
                    conversations.messages(contactId));
        });
    }

    @Transactional
    public ChatMessage write(String token, String text) {
        long contactId = contactOf(token).orElseThrow(() -> new NotFoundException("chat.error.webchat-gone"));
        throttle(messages.acquire(contactId));
        return SystemUser.call(() -> chats.write(contactId, text));
    }

    /** The customer ends the chat. */
    @Transactional
    public void end(String token) {
        long contactId = contactOf(token).orElseThrow(() -> new NotFoundException("chat.error.webchat-gone"));
        SystemUser.run(() -> {
            if (!ended(contacts.get(contactId))) {
                contacts.customerLeft(contactId);
            }
        });
    }

    private java.util.Optional<Long> contactOf(String token) {
        if (!SessionTokens.plausible(token)) {
            return java.util.Optional.empty();
        }
        return store.contactOfToken(SessionTokens.hash(token));
    }

    private static boolean ended(ContactView contact) {
        return contact.state() == ContactState.ENDED || contact.state() == ContactState.WRAP_UP;
    }

    private static void throttle(long waitSeconds) {
        if (waitSeconds > 0) {
            throw new ConflictException("chat.error.too-fast", waitSeconds);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
