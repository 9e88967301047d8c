package org.switchboard.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ConflictException;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.metrics.QueueMetrics;
import org.switchboard.metrics.QueueMetricsService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** Chats routed with capacity, read marks, replies through the outbox, figures, tags, history and every refusal. */
@SwitchboardTest
class ChatServiceTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    ChatService chats;
    @Autowired
    ContactService contacts;
    @Autowired
    ChatOutbox outbox;
    @Autowired
    ScriptedInstagramSender instagram;
    @Autowired
    QueueMetricsService metrics;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
        instagram.failNext(0);
    }

    ContactView chat(QueueInfo queue, Channel channel, String address, String text) {
        return SystemUser.call(() -> chats.start(new NewContact(queue.name(), ContactType.CHAT, channel, "Ada " + address, address), text));
    }

    ContactView state(long contactId) {
        return SystemUser.call(() -> contacts.get(contactId));
    }

    /** A chat queue with one ready agent who has accepted a chat. */
    record Engaged(QueueInfo queue, UserSummary agent, ContactView chat) {
    }

    Engaged engaged(Channel channel, String address) {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView chat = chat(queue, channel, address, "Hello, is anyone there?");
        as(agent, () -> contacts.accept(agent.id(), chat.id()));
        return new Engaged(queue, agent, state(chat.id()));
    }

    int messageCount() {
        return jdbc.sql("SELECT COUNT(*) FROM chat_message").query(Integer.class).single();
    }

    @Test
    void anAgentHoldsChatsUpToTheQueuesCapacityAndTheNextWaitsUntilOneIsResolved() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);   // capacity 2
        UserSummary agent = fixture.readyAgents(1, queue).getFirst();
        ContactView first = chat(queue, Channel.WEBCHAT, "web-1", "one");
        ContactView second = chat(queue, Channel.SMS, "+15550101", "two");
        ContactView third = chat(queue, Channel.FACEBOOK, "ada.fb", "three");

        assertThat(state(first.id()).state()).isEqualTo(ContactState.OFFERED);
        assertThat(state(second.id()).state()).isEqualTo(ContactState.OFFERED);
        assertThat(state(third.id()).state()).isEqualTo(ContactState.QUEUED);
        as(agent, () -> {
            contacts.accept(agent.id(), first.id());
            contacts.accept(agent.id(), second.id());
            assertThat(chats.conversationsOf(agent.id())).extracting(Conversation::contactId)
                    .containsExactlyInAnyOrder(first.id(), second.id());
            chats.resolve(agent.id(), first.id());
        });
        assertThat(state(first.id()).state()).isEqualTo(ContactState.ENDED);
        assertThat(state(third.id()).state()).isEqualTo(ContactState.OFFERED);
        assertThat(state(third.id()).agentId()).isEqualTo(agent.id());
    }

    @Test
    void unreadCountsFollowTheCustomersMessagesUntilTheAgentReadsThem() {
        Engaged e = engaged(Channel.WEBCHAT, "web-unread");
        SystemUser.run(() -> {
            chats.customerWrites(e.chat().id(), "My order is late");
            chats.customerWrites(e.chat().id(), "Order 4711");
        });
        as(e.agent(), () -> {
            assertThat(chats.conversationsOf(e.agent().id()).getFirst().unread()).isEqualTo(3);
            assertThat(chats.unreadChats(e.agent().id())).isEqualTo(1);
            List<ChatMessage> thread = chats.read(e.chat().id());
            assertThat(thread).extracting(ChatMessage::body).containsExactly("Hello, is anyone there?", "My order is late", "Order 4711");
            assertThat(chats.conversationsOf(e.agent().id()).getFirst().unread()).isZero();
            assertThat(chats.unreadChats(e.agent().id())).isZero();
        });
        SystemUser.run(() -> chats.customerWrites(e.chat().id(), "Hello?"));
        as(e.agent(), () -> assertThat(chats.conversationsOf(e.agent().id()).getFirst().unread()).isEqualTo(1));
    }

    @Test
    void aReplyThatFailsIsRetriedWithGrowingBackOffUntilItIsSent() {
        Engaged e = engaged(Channel.INSTAGRAM, "ada.insta");
        instagram.failNext(2);
        ChatMessage reply = as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "We are on it"));
        assertThat(reply.delivery()).isEqualTo(Delivery.QUEUED);

        assertThat(outbox.deliverDue()).isEqualTo(1);            // 1st failure: retry in 10 s
        assertThat(deliveryOf(e, reply)).isEqualTo(Delivery.QUEUED);
        clock.advance(Duration.ofSeconds(9));
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);            // 2nd failure: retry in 20 s
        clock.advance(Duration.ofSeconds(19));
        assertThat(outbox.deliverDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.deliverDue()).isEqualTo(1);            // delivered
        assertThat(deliveryOf(e, reply)).isEqualTo(Delivery.SENT);
        assertThat(instagram.sent()).filteredOn(m -> m.messageId() == reply.id())
                .singleElement().satisfies(m -> {
                    assertThat(m.recipient()).isEqualTo("ada.insta");
                    assertThat(m.body()).isEqualTo("We are on it");
                });
        assertThat(jdbc.sql("SELECT attempts FROM chat_outbox WHERE message_id = ?").param(reply.id()).query(Integer.class).single())
                .isEqualTo(3);
    }

    @Test
    void everyAttemptOfAReplyCarriesTheSameDeliveryIdAndAnotherReplyAnotherOne() {
        Engaged e = engaged(Channel.INSTAGRAM, "ada.dedupe");
        instagram.failNext(1);
        ChatMessage first = as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "First"));
        ChatMessage second = as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "Second"));
        outbox.deliverDue();
        clock.advance(Duration.ofSeconds(10));
        outbox.deliverDue();

        List<String> firstIds = instagram.attempts().stream().filter(m -> m.messageId() == first.id())
                .map(ChannelSender.OutgoingMessage::deliveryId).toList();
        assertThat(firstIds).hasSize(2).doesNotContainNull().containsOnly(firstIds.getFirst());
        assertThat(instagram.attempts()).filteredOn(m -> m.messageId() == second.id()).singleElement()
                .satisfies(m -> assertThat(m.deliveryId()).isNotNull().isNotEqualTo(firstIds.getFirst()));
    }

    @Test
    void aReplyThatKeepsFailingEndsFailedAndTheAgentSeesIt() {
        Engaged e = engaged(Channel.INSTAGRAM, "ada.fails");
        instagram.failNext(100);
        ChatMessage reply = as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "Hello"));
        for (int attempt = 0; attempt < 6; attempt++) {
            outbox.deliverDue();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(deliveryOf(e, reply)).isEqualTo(Delivery.FAILED);
        assertThat(outbox.deliverDue()).isZero();
    }

    @Test
    void smsRepliesGoOutThroughTheBuiltInSenderAndWebchatRepliesNeedNoOutbox() {
        Engaged sms = engaged(Channel.SMS, "+15550102");
        ChatMessage reply = as(sms.agent(), () -> chats.send(sms.agent().id(), sms.chat().id(), "Hi from support"));
        outbox.deliverDue();
        assertThat(deliveryOf(sms, reply)).isEqualTo(Delivery.SENT);

        Engaged web = engaged(Channel.WEBCHAT, "web-no-outbox");
        ChatMessage webReply = as(web.agent(), () -> chats.send(web.agent().id(), web.chat().id(), "Hi"));
        assertThat(webReply.delivery()).isNull();
    }

    Delivery deliveryOf(Engaged e, ChatMessage message) {
        return as(e.agent(), () -> chats.read(e.chat().id())).stream().filter(m -> m.id() == message.id())
                .findFirst().orElseThrow().delivery();
    }

    @Test
    void badMessagesAreRefusedClearlyAndStoreNothing() {
        Engaged e = engaged(Channel.WEBCHAT, "web-bad");
        int before = messageCount();
        assertThatThrownBy(() -> as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "   ")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "x".repeat(2001))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 2000");
        assertThatThrownBy(() -> SystemUser.call(() -> chats.start(
                new NewContact("No such queue", ContactType.CHAT, Channel.WEBCHAT, "Ada", "web-x"), "hi")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("There is no queue named");
        as(e.agent(), () -> chats.resolve(e.agent().id(), e.chat().id()));
        int afterResolve = messageCount();
        assertThatThrownBy(() -> SystemUser.run(() -> chats.customerWrites(e.chat().id(), "still there?")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "bye")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("ended");
        assertThat(afterResolve).isEqualTo(before);
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void webhookMessagesJoinTheCustomersOpenChatAndARetriedMessageIsStoredOnce() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        var first = SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), "+1 555 0103", "Grace",
                "Hi there", "sms-1", List.of())));
        var second = SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), "+15550103", null,
                "Here is the photo", "sms-2", List.of(new NewAttachment("photo.png", PNG)))));
        var retry = SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), "+15550103", null,
                "Here is the photo", "sms-2", List.of(new NewAttachment("photo.png", PNG)))));

        assertThat(first.startedChat()).isTrue();
        assertThat(second.contactId()).isEqualTo(first.contactId());
        assertThat(second.startedChat()).isFalse();
        assertThat(retry.duplicate()).isTrue();
        List<ChatMessage> thread = SystemUser.call(() -> chats.read(first.contactId()));
        assertThat(thread).extracting(ChatMessage::body).containsExactly("Hi there", "Here is the photo");
        ChatMessage.Attachment image = thread.getLast().attachments().getFirst();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(SystemUser.call(() -> chats.attachmentContent(image.id()))).isEqualTo(PNG);
    }

    /**
     * Providers deliver a new customer's first messages (and their retries) in parallel webhook calls:
     * each customer must still get one chat, with each message once.
     */
    @Test
    void aNewCustomersMessagesArrivingTogetherOpenOneChatAndARetryRacingItsOriginalIsStoredOnce() throws Exception {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        java.util.concurrent.ExecutorService webhooks = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (int customer = 0; customer < 8; customer++) {
                String from = "+1 555 02" + (10 + customer);
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(3);
                List<java.util.concurrent.Future<ChatService.Received>> calls = java.util.stream.Stream.of("a", "b", "a")
                        .map(id -> webhooks.submit(() -> {
                            together.await();
                            return SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), from,
                                    null, "Message " + id, from + id, List.of())));
                        })).toList();
                List<ChatService.Received> received = new java.util.ArrayList<>();
                for (var call : calls) {
                    received.add(call.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }

                assertThat(received).extracting(ChatService.Received::contactId).as(from).containsOnly(received.getFirst().contactId());
                assertThat(received).filteredOn(ChatService.Received::startedChat).as(from).hasSize(1);
                assertThat(received).filteredOn(ChatService.Received::duplicate).as(from).hasSize(1);
                assertThat(SystemUser.call(() -> chats.read(received.getFirst().contactId()))).extracting(ChatMessage::body)
                        .as(from).containsExactlyInAnyOrder("Message a", "Message b");
            }
        } finally {
            webhooks.shutdownNow();
        }
    }

    @Test
    void anAttachmentThatIsNotAnImageIsRefusedWhateverItsName() {
        QueueInfo queue = fixture.queue(QueueKind.CHAT, 0, 0);
        int before = messageCount();
        assertThatThrownBy(() -> SystemUser.call(() -> chats.receive(new InboundMessage(Channel.SMS, queue.name(), "+15550104",
                null, "see", "sms-x", List.of(new NewAttachment("photo.png", "just text, not a picture".getBytes()))))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is not a PNG, JPEG, GIF or WebP image");
        assertThatThrownBy(() -> SystemUser.call(() -> chats.receive(new InboundMessage(Channel.WEBCHAT, queue.name(), "w",
                null, "hi", null, List.of())))).isInstanceOf(ValidationException.class);
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void chatQueueFiguresCountWhoOwesTheNextReplyAndHowLongTheCustomerWaited() {
        Engaged e = engaged(Channel.WEBCHAT, "web-figures");
        clock.advance(Duration.ofSeconds(40));
        QueueMetrics waitingForAgent = SystemUser.call(() -> metrics.metrics(e.queue().id()));
        assertThat(waitingForAgent.chats().awaitingAgent()).isEqualTo(1);
        assertThat(waitingForAgent.chats().awaitingCustomer()).isZero();
        assertThat(waitingForAgent.chats().longestAgentReplyWait()).isEqualTo(Duration.ofSeconds(40));

        chat(e.queue(), Channel.WEBCHAT, "web-figures-2", "second customer");   // offered to the same agent, not assigned yet
        as(e.agent(), () -> chats.send(e.agent().id(), e.chat().id(), "How can I help?"));
        QueueMetrics waitingForCustomer = SystemUser.call(() -> metrics.metrics(e.queue().id()));
        assertThat(waitingForCustomer.chats().awaitingAgent()).isZero();
        assertThat(waitingForCustomer.chats().awaitingCustomer()).isEqualTo(1);
        assertThat(waitingForCustomer.chats().longestAgentReplyWait()).isZero();
        assertThat(waitingForCustomer.now().waiting()).isEqualTo(1);
        assertThat(waitingForCustomer.chatsWaitingOnAgents()).isEqualTo(1);
    }

    @Test
    void onlyTheChatsAgentItsQueuesSupervisorsAndAdminsMayOpenIt() {
        Engaged e = engaged(Channel.WEBCHAT, "web-private");
        UserSummary other = fixture.readyAgents(1, e.queue()).getFirst();
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(e.queue(), supervisor);
        assertThatThrownBy(() -> as(other, () -> chats.read(e.chat().id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(other, () -> chats.send(e.agent().id(), e.chat().id(), "hi")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(supervisor, () -> chats.read(e.chat().id()))).hasSize(1);
    }

    @Test
    void tagsOrganiseChatsAndResolvedChatsAreFoundByCustomerTagAndDate() {
        Engaged e = engaged(Channel.SMS, "+15550105");
        String tag = RoutingFixture.unique("refund");
        as(e.agent(), () -> {
            chats.addTag(e.chat().id(), tag);
            assertThatThrownBy(() -> chats.addTag(e.chat().id(), tag)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> chats.addTag(e.chat().id(), "<b>bold</b>")).isInstanceOf(ValidationException.class);
            chats.resolve(e.agent().id(), e.chat().id());
            chats.addTag(e.chat().id(), tag + "-after");
            LocalDate today = LocalDate.now(clock);
            assertThat(chats.history(new ChatHistoryQuery(null, tag, today, today))).extracting(Conversation::contactId)
                    .containsExactly(e.chat().id());
            assertThat(chats.history(new ChatHistoryQuery("0105", null, null, null))).extracting(Conversation::contactId)
                    .contains(e.chat().id());
            assertThat(chats.history(new ChatHistoryQuery("0_05", null, null, null))).as("no wildcards")
                    .extracting(Conversation::contactId).doesNotContain(e.chat().id());
            assertThat(chats.history(new ChatHistoryQuery(null, tag, today.plusDays(1), null))).isEmpty();
            assertThatThrownBy(() -> chats.history(new ChatHistoryQuery(null, null, today, today.minusDays(1))))
                    .isInstanceOf(ValidationException.class);
            assertThat(chats.conversation(e.chat().id()).tags()).containsExactly(tag, tag + "-after");
        });
        UserSummary other = fixture.user(Role.AGENT);
        as(other, () -> assertThat(chats.history(new ChatHistoryQuery(null, tag, null, null))).isEmpty());
    }

    @Test
    void anSmsChatFlipsToACallLinkedToItAndAFacebookChatHasNoNumberToCall() {
        Engaged sms = engaged(Channel.SMS, "+15550106");
        ContactView call = as(sms.agent(), () -> chats.flipToCall(sms.agent().id(), sms.chat().id()));
        assertThat(call.type()).isEqualTo(ContactType.DIRECT_CALL_OUT);
        assertThat(call.customerAddress()).isEqualTo("+15550106");
        assertThat(call.sourceContactId()).isEqualTo(sms.chat().id());
        assertThat(call.customerName()).as("the chat's customer, not an unknown caller").isEqualTo(sms.chat().customerName())
                .isNotBlank();
        assertThat(state(sms.chat().id()).state()).isEqualTo(ContactState.CONNECTED);

        Engaged facebook = engaged(Channel.FACEBOOK, "ada.facebook");
        assertThatThrownBy(() -> as(facebook.agent(), () -> chats.flipToCall(facebook.agent().id(), facebook.chat().id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no phone number");
    }

    @Test
    void aMeetingInvitationSendsTheCustomerARoomLinkFromTheTemplate() {
        Engaged e = engaged(Channel.WEBCHAT, "web-meeting");
        ChatMessage invitation = as(e.agent(), () -> chats.inviteToMeeting(e.agent().id(), e.chat().id()));
        assertThat(invitation.body()).matches("Join me in a meeting room: https://meet\\.jit\\.si/switchboard-chat-" + e.chat().id() + "-[0-9a-f]{8}");
    }
}
