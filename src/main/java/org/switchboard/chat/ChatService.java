package org.switchboard.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.chat.data.ChatStore;
import org.switchboard.chat.data.OutboxStore;
import org.switchboard.common.ConflictException;
import org.switchboard.common.Message;
import org.switchboard.common.NotFoundException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ChatContacts;
import org.switchboard.contact.ChatContacts.EndedChats;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.CustomerAddresses;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;

/**
 * Chat conversations: customers' messages from every channel, the agent's replies (through the
 * outbox for SMS, Facebook and Instagram), read marks, tags, flipping a chat to a call or a meeting
 * room, and the history of resolved chats. The chat itself is a CHAT contact, routed like any other.
 */
@Service
@EnableConfigurationProperties(ChatProperties.class)
public class ChatService {

    public static final int MAX_TEXT = 2000;
    private static final String INTEGRATION = "hasAnyRole('ADMIN','INTEGRATION')";
    private static final String FOR_AGENT = "@agentAccess.canActFor(#agentId)";
    private static final String READER = "@chatAccess.canRead(#contactId)";
    private static final String USER = "hasAnyRole('AGENT','SUPERVISOR','ADMIN')";
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}");

    private final ChatStore store;
    private final Conversations conversations;
    private final ChatContacts chatContacts;
    private final OutboxStore outbox;
    private final ContactService contacts;
    private final QueueService queues;
    private final ApplicationEventPublisher events;
    private final ChatProperties properties;
    private final CustomerAddresses addresses;
    private final Clock clock;

    ChatService(ChatStore store, Conversations conversations, ChatContacts chatContacts, OutboxStore outbox,
            ContactService contacts, QueueService queues, ApplicationEventPublisher events, ChatProperties properties,
            CustomerAddresses addresses, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.chatContacts = chatContacts;
        this.outbox = outbox;
        this.contacts = contacts;
        this.queues = queues;
        this.events = events;
        this.properties = properties;
        this.addresses = addresses;
        this.clock = clock;
    }

    // --- customers (through the API, the webhooks and the webchat page) ---

    /** A chat starts with the customer's first message; it waits in its queue like a call. */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ContactView start(NewContact chat, String text) {
        return contacts.get(open(chat, text, null, null).contactId());
    }

    /** A customer writes in an open chat. */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public ChatMessage customerWrites(long contactId, String text) {
        return write(contactId, text);
    }

    /**
     * A provider's webhook: the message joins the customer's open chat on that channel and queue,
     * or starts a new one. A message id seen before is not stored again.
     */
    @PreAuthorize(INTEGRATION)
    @Transactional
    public Received receive(InboundMessage message) {
        if (message.channel() == null || message.channel() == Channel.VOICE || message.channel() == Channel.WEBCHAT) {
            throw new ValidationException("chat.error.webhook-channel");
        }
        String externalId = message.messageId() == null || message.messageId().isBlank() ? null
                : message.channel().name() + ":" + message.messageId().strip();
        if (externalId != null && externalId.length() > 140) {
            throw new ValidationException("chat.error.message-id-too-long");
        }
        List<CheckedImage> images = checkImages(message.attachments());
        String text = message.text() == null ? "" : message.text();
        if (text.isBlank() && !images.isEmpty()) {
            text = images.size() == 1 ? "(image)" : "(" + images.size() + " images)";
        }
        String body = checkText(text);
        String address = addresses.forChannel(message.channel(), message.from(), true);
        // Parallel calls for one customer (its first messages, a retry racing its original) go one by one.
        store.lockCustomer(message.channel(), address);
        if (externalId != null) {
            var seen = store.contactOfMessage(externalId);
            if (seen.isPresent()) {
                return new Received(seen.get(), false, true);
            }
        }
        QueueInfo queue = chatQueue(message.queue());
        var open = chatContacts.lockOpenChat(message.channel(), address, queue.id());
        ChatMessage first = open.isEmpty()
                ? open(new NewContact(queue.name(), ContactType.CHAT, message.channel(), message.customerName(), address),
                        body, null, externalId)
                : insert(open.get(), Direction.IN, body, null, externalId);
        for (CheckedImage image : images) {
            store.insertAttachment(first.id(), image.contentType(), image.fileName(), image.content());
        }
        return new Received(first.contactId(), open.isEmpty(), false);
    }

    /** What a webhook call did: the chat it went to, whether it started it, whether it was a retry. */
    public record Received(long contactId, boolean startedChat, boolean duplicate) {
    }

    // --- agents ---

    /** The agent's offered and active chats, the most recently active first, with unread counts. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public List<Conversation> conversationsOf(long agentId) {
        return conversations.openOf(agentId);
    }

    /** How many of the agent's chats have unread customer messages. */
    @PreAuthorize(FOR_AGENT)
    @Transactional(readOnly = true)
    public int unreadChats(long agentId) {
        return conversations.unreadChatsOf(agentId);
    }

    @PreAuthorize(READER)
    @Transactional(readOnly = true)
    public Conversation conversation(long contactId) {
        return find(contactId);
    }

    /** The chat's messages, oldest first; the reader has now read them all. */
    @PreAuthorize(READER)
    @Transactional
    public List<ChatMessage> read(long contactId) {
        Conversation conversation = find(contactId);
        List<ChatMessage> messages = conversations.messages(contactId);
        long lastIn = messages.stream().filter(m -> m.direction() == Direction.IN).mapToLong(ChatMessage::id).max().orElse(0);
        SignedInUser reader = currentUser();
        if (lastIn > 0 && conversation.unread() > 0 && !SystemUser.USERNAME.equals(reader.username())) {
            store.markRead(contactId, reader.id(), lastIn);
        }
        return messages;
    }

    /** The agent's reply; to SMS, Facebook and Instagram it goes out through the outbox. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ChatMessage send(long agentId, long contactId, String text) {
        return reply(agentId, contactId, text);
    }

    private ChatMessage reply(long agentId, long contactId, String text) {
        Conversation chat = activeChatOf(agentId, contactId);
        ChatMessage message = insert(contactId, Direction.OUT, checkText(text), agentId, null);
        if (chat.channel() != Channel.WEBCHAT) {
            outbox.enqueue(message.id(), chat.channel(), chat.customerAddress(), clock.instant());
        }
        store.markRead(contactId, agentId, store.lastIncomingId(contactId));
        return conversations.messages(contactId).getLast();
    }

    /** "Resolve": the chat ends for the agent and the customer. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView resolve(long agentId, long contactId) {
        activeChatOf(agentId, contactId);
        return contacts.end(agentId, contactId);
    }

    /** "+Add tag" on an active or resolved chat. */
    @PreAuthorize(READER)
    @Transactional
    public Conversation addTag(long contactId, String tag) {
        find(contactId);
        String clean = checkTag(tag);
        if (!store.addTag(contactId, clean)) {
            throw new ConflictException("chat.error.tag-exists", clean);
        }
        return conversations.find(contactId, currentUser().id()).orElseThrow();
    }

    @PreAuthorize(READER)
    @Transactional
    public Conversation removeTag(long contactId, String tag) {
        find(contactId);
        store.removeTag(contactId, tag);
        return conversations.find(contactId, currentUser().id()).orElseThrow();
    }

    @PreAuthorize(USER)
    @Transactional(readOnly = true)
    public List<String> tagsInUse() {
        return store.tagsInUse();
    }

    /** The phone icon: a non-queue call to the customer's number, linked to the chat, which goes on. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ContactView flipToCall(long agentId, long contactId) {
        Conversation chat = activeChatOf(agentId, contactId);
        String number;
        try {
            number = addresses.phone(chat.customerAddress());
        } catch (ValidationException notAPhone) {
            throw new ValidationException("chat.error.no-phone-number", Message.of(ChannelBadge.key(chat.channel())));
        }
        return contacts.callOut(agentId, number, contactId);
    }

    /** The video icon: the customer gets a link to a meeting room of this chat. */
    @PreAuthorize(FOR_AGENT)
    @Transactional
    public ChatMessage inviteToMeeting(long agentId, long contactId) {
        String room = "chat-" + contactId + "-" + HexFormat.of().formatHex(java.security.SecureRandom.getSeed(4));
        String link = properties.meetingUrlTemplate().replace("{room}", room);
        return reply(agentId, contactId, "Join me in a meeting room: " + link);
    }

    /**
     * Resolved chats by customer, tag and dates, newest first: agents see the chats they handled,
     * supervisors those of their queues, admins all.
     */
    @PreAuthorize(USER)
    @Transactional(readOnly = true)
    public List<Conversation> history(ChatHistoryQuery query) {
        SignedInUser me = currentUser();
        if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
            throw new ValidationException("chat.error.end-before-start");
        }
        Long agent = null;
        Collection<Long> queueIds = null;
        if (!me.has(Role.ADMIN)) {
            if (me.has(Role.SUPERVISOR)) {
                queueIds = queues.queuesOf(me.id(), AssignmentRole.SUPERVISOR).stream().map(QueueInfo::id).toList();
            } else {
                agent = me.id();
            }
        }
        String customer = query.customer() == null || query.customer().isBlank() ? null : query.customer().strip();
        String tag = query.tag() == null || query.tag().isBlank() ? null : query.tag().strip();
        ZoneId zone = clock.getZone();
        Instant from = query.from() == null ? null : query.from().atStartOfDay(zone).toInstant();
        Instant to = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant();
        return conversations.history(me.id(), new EndedChats(agent, queueIds, customer, from, to), tag, 200);
    }

    /** An image of a message, for those who may read the chat. */
    @PreAuthorize("@chatAccess.canReadAttachment(#attachmentId)")
    @Transactional(readOnly = true)
    public byte[] attachmentContent(long attachmentId) {
        store.attachment(attachmentId).orElseThrow(() -> new NotFoundException("chat.error.no-such-image", attachmentId));
        return store.attachmentContent(attachmentId);
    }

    /** Reply figures of the chat queues' assigned chats. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, ChatFigures> figures(Collection<Long> queueIds) {
        return conversations.figures(queueIds, clock.instant());
    }

    @PreAuthorize("@agentAccess.canActFor(#userId)")
    @Transactional(readOnly = true)
    public MessageTone messageTone(long userId) {
        return store.messageTone(userId).orElse(MessageTone.DEFAULT);
    }

    /** The user's own choice of message tone; a tone without a sound or a volume outside 0-100 is refused. */
    @PreAuthorize("@agentAccess.isSelf(#userId)")
    @Transactional
    public void setMessageTone(long userId, MessageTone tone) {
        if (tone == null || tone.sound() == null) {
            throw new ValidationException("chat.error.choose-tone");
        }
        if (tone.volume() < 0 || tone.volume() > 100) {
            throw new ValidationException("chat.error.volume-range");
        }
        store.setMessageTone(userId, tone);
    }

    // --- shared with the webchat page ---

    /** Creates the chat contact, its conversation and the customer's first message. */
    ChatMessage open(NewContact chat, String text, String webchatTokenHash, String externalId) {
        String body = checkText(text);
        if (chat.type() != ContactType.CHAT) {
            throw new ValidationException("chat.error.only-chat-starts-with-message");
        }
        ContactView contact = contacts.create(chat);
        store.insertConversation(contact.id(), clock.instant(), webchatTokenHash);
        return insert(contact.id(), Direction.IN, body, null, externalId);
    }

    ChatMessage write(long contactId, String text) {
        String body = checkText(text);
        ContactView contact = contacts.get(contactId);
        if (contact.type() != ContactType.CHAT) {
            throw new ValidationException("chat.error.not-a-chat", contactId);
        }
        if (contact.state() == ContactState.ENDED || contact.state() == ContactState.WRAP_UP) {
            throw new ConflictException("chat.error.chat-ended");
        }
        return insert(contactId, Direction.IN, body, null, null);
    }

    private ChatMessage insert(long contactId, Direction direction, String body, Long authorId, String externalId) {
        ContactView contact = contacts.get(contactId);
        long id = store.insertMessage(contactId, direction, body, authorId, clock.instant(), externalId);
        events.publishEvent(new ChatMessagePosted(contactId, contact.queueId(), contact.agentId(), direction, id,
                contact.customerName() != null ? contact.customerName() : contact.customerAddress(), preview(body)));
        return new ChatMessage(id, contactId, direction, body, null, clock.instant(), null, List.of());
    }

    private Conversation activeChatOf(long agentId, long contactId) {
        Conversation chat = conversations.find(contactId, agentId).orElseThrow(() -> new NotFoundException("chat.error.no-such-chat", contactId));
        if (chat.agentId() == null || chat.agentId() != agentId) {
            throw new AccessDeniedException("This chat is not the agent's.");
        }
        if (chat.state() != ContactState.CONNECTED) {
            throw new ConflictException(chat.state() == ContactState.OFFERED ? "chat.error.accept-first" : "chat.error.chat-ended");
        }
        return chat;
    }

    /** The chat as the signed-in user reads it (its unread count). */
    private Conversation find(long contactId) {
        return conversations.find(contactId, currentUser().id()).orElseThrow(() -> new NotFoundException("chat.error.no-such-chat", contactId));
    }

    private QueueInfo chatQueue(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("contact.error.queue-required");
        }
        QueueInfo queue = queues.findByName(name.strip())
                .orElseThrow(() -> new ValidationException("contact.error.no-such-queue", name.strip()));
        if (queue.kind() != org.switchboard.queue.QueueKind.CHAT) {
            throw new ValidationException("chat.error.not-a-chat-queue", queue.name());
        }
        return queue;
    }

    static String checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("chat.error.message-empty");
        }
        String body = text.strip();
        if (body.length() > MAX_TEXT) {
            throw new ValidationException("chat.error.message-too-long", MAX_TEXT, body.length());
        }
        return body;
    }

    private static String checkTag(String tag) {
        String clean = tag == null ? "" : tag.strip();
        if (!TAG.matcher(clean).matches()) {
            throw new ValidationException("chat.error.tag-rule");
        }
        return clean;
    }

    private List<CheckedImage> checkImages(List<NewAttachment> attachments) {
        if (attachments == null || attachments.isEmpty()) {
            return List.of();
        }
        if (attachments.size() > properties.maxAttachments()) {
            throw new ValidationException("chat.error.too-many-images", properties.maxAttachments());
        }
        return attachments.stream().map(this::checkImage).toList();
    }

    private CheckedImage checkImage(NewAttachment attachment) {
        byte[] content = attachment.content();
        if (content == null || content.length == 0) {
            throw new ValidationException("chat.error.attachment-empty");
        }
        if (content.length > properties.maxAttachmentBytes()) {
            throw new ValidationException("chat.error.image-too-large", properties.maxAttachmentBytes(), attachment.fileName(),
                    content.length);
        }
        String type = ImageTypes.detect(content);
        if (type == null) {
            throw new ValidationException("chat.error.not-an-image", attachment.fileName());
        }
        String name = attachment.fileName() == null || attachment.fileName().isBlank() ? "image" : attachment.fileName().strip();
        return new CheckedImage(type, name.length() > 120 ? name.substring(0, 120) : name, content);
    }

    private record CheckedImage(String contentType, String fileName, byte[] content) {
    }

    private static String preview(String body) {
        return body.length() > 80 ? body.substring(0, 79) + "…" : body;
    }

    private static SignedInUser currentUser() {
        return SignedInUser.current("Sign in first.");
    }
}
