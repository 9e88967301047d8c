package org.switchboard.chat.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.UserSummary;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

/**
 * A customer on the public webchat page and an agent in "Chat conversations", in two browser
 * contexts, talking live in both directions by server push.
 */
@SwitchboardBrowserTest
class WebchatIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    TextMessageService texts;
    @Autowired
    MutableClock clock;

    BrowserContext agentBrowser;
    BrowserContext customerBrowser;
    Page agentPage;
    Page customerPage;
    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void open() {
        clock.tick();
        queue = fixture.queue(QueueKind.CHAT, 0, 0);
        agent = fixture.readyAgents(1, queue).getFirst();
        agentBrowser = Browsers.newContext();
        customerBrowser = Browsers.newContext();
        agentPage = agentBrowser.newPage();
        customerPage = customerBrowser.newPage();
    }

    @AfterEach
    void close() {
        clock.reset();
        agentBrowser.close();
        customerBrowser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** The customer starts a chat; the agent, already on the chat screen, sees it offered and accepts it. */
    void customerStartsAndAgentAccepts(String customer, String firstMessage) {
        Browsers.signIn(agentPage, base(), agent.username(), "password1");
        agentPage.navigate(base() + "/chats");
        assertThat(agentPage.locator("#conversations")).containsText("No open chats");

        customerPage.navigate(base() + "/webchat/" + queue.name());
        assertThat(customerPage.locator("h1")).hasText("Chat with " + queue.name());
        customerPage.locator("#webchat-name input").fill(customer);
        customerPage.locator("#webchat-first textarea").fill(firstMessage);
        customerPage.locator("#webchat-start").click();
        assertThat(customerPage.locator("#webchat-messages")).containsText(firstMessage);

        assertThat(agentPage.locator("#chat-popup")).containsText("New Webchat chat · " + queue.name() + " · " + customer);
        assertThat(agentPage.locator("#conversations")).containsText(customer);
        agentPage.locator("#conversations .conversation").first().click();
        agentPage.locator("#chat-accept").click();
        assertThat(agentPage.locator("#chat-messages")).containsText(firstMessage);
    }

    void agentTypesAndPressesEnter(String text) {
        agentPage.locator("#chat-message input").fill(text);
        agentPage.locator("#chat-message input").press("Enter");
    }

    @Test
    void aCustomerAndAnAgentChatLiveInBothDirectionsAndTheAgentResolvesIt() {
        customerStartsAndAgentAccepts("Grace", "Hello, do you ship to Canada?");

        agentTypesAndPressesEnter("Yes, we ship to Canada in 3 days.");
        assertThat(customerPage.locator("#webchat-messages")).containsText("Yes, we ship to Canada in 3 days.");
        assertThat(customerPage.locator("#webchat-status")).containsText("You are chatting with us");

        customerPage.locator("#webchat-message input").fill("<b>Great</b>, thanks!");
        customerPage.locator("#webchat-message input").press("Enter");
        assertThat(agentPage.locator("#chat-messages")).containsText("<b>Great</b>, thanks!");
        assertThat(agentPage.locator("#chat-messages b")).hasCount(0);
        Browsers.screenshot(agentPage, "chat-agent");

        // A reload brings the conversation back from the browser's stored session.
        customerPage.reload();
        assertThat(customerPage.locator("#webchat-messages")).containsText("Yes, we ship to Canada in 3 days.");
        assertThat(customerPage.locator("#webchat-messages")).containsText("<b>Great</b>, thanks!");
        Browsers.screenshot(customerPage, "webchat-customer");

        agentPage.locator("#chat-resolve").click();
        assertThat(customerPage.locator("#webchat-status")).containsText("This chat has ended");
        assertThat(customerPage.locator("#webchat-message input")).isDisabled();
        assertThat(agentPage.locator("#conversations")).containsText("No open chats");
    }

    @Test
    void theAgentAnswersWithAShortcutEditsTheTextAndTheCustomerGetsTheEditedText() {
        String shortcut = "/ship" + UUID.randomUUID().toString().substring(0, 5);
        TextMessage saved = RoutingFixture.as(agent, () -> texts.create(new TextMessageForm("Shipping", shortcut, Set.of("Orders"),
                "Hi {customer.name}, shipping takes 3 days.", false)));
        customerStartsAndAgentAccepts("Ada", "How long does shipping take?");

        agentPage.locator("#chat-message input").fill(shortcut.substring(0, 5));
        agentPage.getByRole(com.microsoft.playwright.options.AriaRole.OPTION,
                new Page.GetByRoleOptions().setName(shortcut + " · Shipping")).click();
        assertThat(agentPage.locator("#chat-message input")).hasValue("Hi Ada, shipping takes 3 days.");
        agentTypesAndPressesEnter("Hi Ada, shipping takes 3 days (2 to Toronto).");

        assertThat(customerPage.locator("#webchat-messages")).containsText("Hi Ada, shipping takes 3 days (2 to Toronto).");
        assertThat(RoutingFixture.as(agent, () -> texts.get(saved.id())).body()).isEqualTo("Hi {customer.name}, shipping takes 3 days.");

        customerPage.locator("#webchat-end").click();
        assertThat(customerPage.locator("#webchat-status")).containsText("This chat has ended");
        assertThat(agentPage.locator("#chat-messages")).isVisible();
    }
}
