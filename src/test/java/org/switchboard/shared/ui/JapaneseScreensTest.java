package org.switchboard.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.Tabs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.chat.ChatService;
import org.switchboard.common.Translations;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * Every screen an agent or a customer opens, in Japanese: no English left in any text, label,
 * placeholder, tooltip or accessible name (names of the test's own queues and people aside). The
 * screens are walked in the states an agent sees during a day: an offer, a call, wrap-up, a chat.
 */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class JapaneseScreensTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    ChatService chats;
    @Autowired
    PauseReasonService reasons;

    QueueInfo calls;
    QueueInfo chatQueue;
    UserSummary agent;
    final Set<String> data = new HashSet<>();
    final List<String> english = new ArrayList<>();

    @BeforeEach
    void signInInJapanese() {
        calls = fixture.queue(QueueKind.CALL, 0, 60);
        chatQueue = fixture.queue(QueueKind.CHAT, 0, 0);
        agent = fixture.readyAgents(1, calls, chatQueue).getFirst();
        data.addAll(Set.of(calls.name(), chatQueue.name(), agent.displayName(), agent.username(), "web-sato", "no-such-chat",
                java.time.ZoneId.systemDefault().getId()));
        // The admins' pause reasons show as they wrote them.
        SystemUser.call(() -> reasons.findAll()).forEach(reason -> data.add(reason.name()));
        SignedInUser principal = new SignedInUser(agent.id(), agent.username(), agent.displayName(), "", true, agent.roles());
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        UI.getCurrent().setLocale(Translations.JAPANESE);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Walks what the UI shows now; the route's name is kept with what it found. */
    void walk(String state) {
        UI.getCurrent().getChildren().forEach(shown -> ScreenTexts.english(shown.getElement(), data)
                .forEach(text -> english.add(state + " → " + text)));
    }

    void open(String route, String state) {
        UI.getCurrent().navigate(route);
        walk(state);
    }

    @Test
    void theAgentsDayHasNoEnglishLeft() {
        open("dashboard", "dashboard, idle");

        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "山田 花子", "+15550100")));
        open("dashboard", "dashboard, offer");
        test($(Button.class).id("accept")).click();
        walk("dashboard, on call");
        test($(Button.class).id("end-call")).click();
        walk("dashboard, wrap-up");
        test($(Button.class).id("end-wrap-up")).click();
        assertThat(contacts.get(call.id()).state()).isNotNull();

        ContactView chat = SystemUser.call(() -> chats.start(new NewContact(chatQueue.name(), ContactType.CHAT, Channel.WEBCHAT,
                "佐藤 太郎", "web-sato"), "注文について質問があります"));
        open("dashboard", "dashboard, chat offered");
        open("chats/" + chat.id(), "chat conversations, offered");
        test($(Button.class).id("chat-accept")).click();
        walk("chat conversations, accepted");
        test($(Button.class).id("chat-add-tag")).click();
        walk("chat conversations, add tag");
        open("chats", "chat conversations");
        $(Tabs.class).single().setSelectedIndex(1);
        walk("chat conversations, history");

        open("activity/today", "today's activity");
        open("activity/week", "week's activity");
        open("settings/account", "my account");
        open("settings/chat", "chat notifications");
        open("settings/voice", "microphone and speaker");

        assertThat(english).as("English left on Japanese screens").isEmpty();
    }

    @Test
    void customersPagesAndSignInHaveNoEnglishLeft() {
        SecurityContextHolder.clearContext();
        open("webchat/" + chatQueue.name(), "webchat page");
        open("call/" + calls.name(), "caller page");
        open("webchat/no-such-chat", "webchat page of an unknown chat");
        open("login", "sign-in");
        assertThat(english).as("English left on Japanese screens").isEmpty();
    }

    /** The walk reads what the screens say: the same screens in English are full of it. */
    @Test
    void theWalkFindsTheEnglishScreensEnglish() {
        UI.getCurrent().setLocale(Translations.ENGLISH);
        open("dashboard", "dashboard in English");
        assertThat(english).anyMatch(text -> text.contains("Agent status")).anyMatch(text -> text.contains("Logged in to all queues"))
                .anyMatch(text -> text.contains("Calls waiting")).anyMatch(text -> text.contains("Logout"));
    }
}
