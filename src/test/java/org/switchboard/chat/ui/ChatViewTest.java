package org.switchboard.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import org.switchboard.texts.ShortcutSuggestions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.chat.ChatFeed;
import org.switchboard.chat.ChatMessage;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.Direction;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactState;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

/** The conversation view: list, accepting, answering with a pre-saved text, tags, resolving and the history. */
@SwitchboardTest
@ViewPackages(classes = ChatView.class)
class ChatViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ChatService chats;
    @Autowired
    TextMessageService texts;
    @Autowired
    ChatFeed feed;

    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void signIn() {
        queue = fixture.queue(QueueKind.CHAT, 0, 0);
        agent = fixture.readyAgents(1, queue).getFirst();
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    ContactView chat(String customer, Channel channel, String text) {
        return SystemUser.call(() -> chats.start(new NewContact(queue.name(), ContactType.CHAT, channel, customer, "web-" + customer), text));
    }

    ChatView open(ContactView chat) {
        return navigate("chats/" + chat.id(), ChatView.class);
    }

    boolean visible(String id) {
        return !$(Div.class).withId(id).all().isEmpty();
    }

    Div div(String id) {
        return $(Div.class).withId(id).single();
    }

    TextField message() {
        return $(TextField.class).withId("chat-message").single();
    }

    Button button(String id) {
        return $(Button.class).withId(id).single();
    }

    @Test
    void anOfferedChatIsListedWithItsChannelQueueAndUnreadCountAndAcceptOpensTheComposer() {
        ContactView offered = chat("Grace", Channel.WEBCHAT, "Hello, I need help with my order");
        ChatView view = open(offered);

        Div item = (Div) div("conversations").getComponentAt(0);
        String text = item.getElement().getTextRecursively();
        assertThat(text).contains("Webchat", queue.name(), "Grace", "Offered to you", "Hello, I need help");
        assertThat($(H2.class).withId("chat-customer").single().getText()).isEqualTo("Grace");
        assertThat(visible("chat-composer")).isFalse();

        test(button("chat-accept")).click();
        assertThat(view.model().selected().state()).isEqualTo(ContactState.CONNECTED);
        assertThat(visible("chat-composer")).isTrue();
        assertThat(div("chat-messages").getElement().getTextRecursively()).contains("Hello, I need help with my order");
    }

    @Test
    void theAgentAnswersWithAPreSavedTextItEditedAndTheSavedTextStaysAsItWas() {
        ContactView offered = chat("Ada", Channel.WEBCHAT, "When are you open?");
        ChatView view = open(offered);
        test(button("chat-accept")).click();
        String shortcut = "/h" + UUID.randomUUID().toString().substring(0, 6);
        TextMessage saved = texts.create(new TextMessageForm("Hours", shortcut, Set.of(), "Hi {customer.name}, we open at 9.", false));

        test(message()).setValue("Hello! " + shortcut);
        assertThat($(ShortcutSuggestions.class).single().suggestions()).extracting(TextMessage::id).containsExactly(saved.id());
        test((Button) $(ShortcutSuggestions.class).single().getComponentAt(0)).click();
        assertThat(message().getValue()).isEqualTo("Hello! Hi Ada, we open at 9.");
        test(message()).setValue(message().getValue() + " See you!");
        test(button("chat-send")).click();

        assertThat(message().getValue()).isEmpty();
        ChatMessage sent = chats.read(offered.id()).getLast();
        assertThat(sent.direction()).isEqualTo(Direction.OUT);
        assertThat(sent.body()).isEqualTo("Hello! Hi Ada, we open at 9. See you!");
        assertThat(texts.get(saved.id()).body()).isEqualTo("Hi {customer.name}, we open at 9.");
        assertThat(div("chat-messages").getElement().getTextRecursively()).contains("See you!");
        texts.delete(saved.id());
    }

    @Test
    void leavingTheViewEndsItsSubscriptionToTheChatFeed() {
        navigate(ChatView.class);
        int open = feed.subscriberCount();
        navigate(ChatSettingsView.class);
        assertThat(feed.subscriberCount()).as("the chat view unsubscribed; the layout's pop-up stays").isEqualTo(open - 1);
    }

    @Test
    void theMessageToneSettingsKeepTheChosenToneAndVolume() {
        navigate(ChatSettingsView.class);
        ChatSettingsView settings = $(ChatSettingsView.class).single();
        test(settings.tone).click();
        test(settings.sound).selectItem("Two notes");
        test(settings.volume).setValue(40);
        assertThat(SystemUser.call(() -> chats.messageTone(agent.id())))
                .isEqualTo(new org.switchboard.chat.MessageTone(true, org.switchboard.chat.MessageTone.Sound.TWO_NOTES, 40));

        navigate(ChatSettingsView.class);
        ChatSettingsView again = $(ChatSettingsView.class).single();
        assertThat(again.sound.getValue()).isEqualTo(org.switchboard.chat.MessageTone.Sound.TWO_NOTES);
        assertThat(again.volume.getValue()).isEqualTo(40);
        assertThat(again.tone.getValue()).isTrue();
    }

    @Test
    void anEmptyMessageIsNotSent() {
        ContactView offered = chat("Linus", Channel.WEBCHAT, "Hi");
        ChatView view = open(offered);
        test(button("chat-accept")).click();
        test(message()).setValue("   ");
        test(button("chat-send")).click();
        assertThat(chats.read(offered.id())).hasSize(1);
    }

    @Test
    void resolvingEndsTheChatAndTheHistoryFindsItByTag() {
        ContactView offered = chat("Marie", Channel.WEBCHAT, "Refund please");
        ChatView view = open(offered);
        test(button("chat-accept")).click();
        String tag = RoutingFixture.unique("refund");
        chats.addTag(offered.id(), tag);
        view.reload();
        assertThat(div("chat-tags").getElement().getTextRecursively()).contains(tag);

        test(button("chat-resolve")).click();
        assertThat(view.model().selected().state()).isEqualTo(ContactState.ENDED);
        assertThat(visible("chat-composer")).isFalse();
        assertThat(div("conversations").getElement().getTextRecursively()).contains("No open chats");

        $(Tabs.class).withId("chat-tabs").single().setSelectedIndex(1);
        test($(ComboBox.class).withId("history-tag").single()).selectItem(tag);
        assertThat(div("chat-history-results").getElement().getTextRecursively()).contains("Marie", "Refund please");
    }

    @Test
    void unreadMessagesAreCountedOnOpenChatsOnlyNotInTheHistory() {
        assertThat(unreadBadges(conversationWithTwoUnread(ContactState.CONNECTED))).containsExactly("2");
        assertThat(unreadBadges(conversationWithTwoUnread(ContactState.ENDED))).as("a resolved chat").isEmpty();
    }

    private static org.switchboard.chat.Conversation conversationWithTwoUnread(ContactState state) {
        java.time.Instant at = java.time.Instant.parse("2026-11-30T10:00:00Z");
        return new org.switchboard.chat.Conversation(1, Channel.SMS, 1, "Messaging", "Marie", "+15550100", state, 7L,
                "Hello?", at, 2, org.switchboard.chat.Awaiting.AGENT, at, at, state == ContactState.ENDED ? at : null,
                java.util.List.of());
    }

    private static java.util.List<String> unreadBadges(org.switchboard.chat.Conversation conversation) {
        Div item = ConversationList.item(conversation, false,
                new org.switchboard.common.Formats(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC), id -> { });
        return item.getElement().getChildren().flatMap(e -> java.util.stream.Stream.concat(java.util.stream.Stream.of(e), e.getChildren()))
                .filter(e -> e.getClassList().contains("conversation-unread")).map(e -> e.getText()).toList();
    }
}
