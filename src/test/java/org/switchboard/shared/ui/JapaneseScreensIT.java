package org.switchboard.shared.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * The agent's day and the customer's webchat in a Chromium that speaks Japanese: the screens follow
 * the browser's language, show Japanese, and leave no English word in what is drawn, in shadow DOM
 * too, or in what screen readers announce (names of the test's queues and people aside).
 */
@SwitchboardBrowserTest
class JapaneseScreensIT {

    /** Every text the page draws or announces, through open shadow roots; Vaadin's dev tools left out. */
    static final String SCREEN_TEXTS = """
            () => {
              const out = [];
              const visit = node => {
                if (node.nodeType === Node.TEXT_NODE) {
                  const text = node.textContent.trim();
                  if (text && node.parentElement && node.parentElement.closest('[hidden]') === null
                      && node.parentElement.getClientRects().length > 0) {
                    out.push(text);
                  }
                  return;
                }
                if (node.nodeType === Node.ELEMENT_NODE) {
                  const tag = node.tagName.toLowerCase();
                  if (tag === 'script' || tag === 'style' || tag === 'template' || tag.includes('dev-tools') || tag.includes('copilot')) {
                    return;
                  }
                  for (const name of ['aria-label', 'placeholder', 'title']) {
                    const value = node.getAttribute(name);
                    if (value) {
                      out.push(value);
                    }
                  }
                  if (node.shadowRoot) {
                    visit(node.shadowRoot);
                  }
                }
                node.childNodes.forEach(visit);
              };
              visit(document.body);
              return out;
            }""";
    static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    MutableClock clock;

    BrowserContext context;
    Page page;
    QueueInfo calls;
    QueueInfo chats;
    UserSummary agent;

    @BeforeEach
    void agentInJapanese() {
        // The browser counts down to times the server sets: both must run on real time.
        clock.tick();
        calls = fixture.queue(QueueKind.CALL, 0, 30);
        chats = fixture.queue(QueueKind.CHAT, 0, 0);
        agent = fixture.readyAgents(1, calls, chats).getFirst();
        context = Browsers.newJapaneseContext();
        page = context.newPage();
    }

    @AfterEach
    void close() {
        clock.reset();
        context.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** The English words on the page now, with the text they are in. */
    List<String> english(Page on) {
        Set<String> data = Set.of(calls.name(), chats.name(), agent.displayName(), agent.username());
        List<String> found = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) on.evaluate(SCREEN_TEXTS);
        for (String text : texts) {
            // A webchat customer without a phone number gets a generated address: data, not a label.
            String left = text.replaceAll("web-[0-9a-f]{8}", " ");
            for (String name : data) {
                left = left.replace(name, " ");
            }
            Matcher word = WORD.matcher(left);
            while (word.find()) {
                if (!ScreenTexts.ANY_LANGUAGE.contains(word.group())) {
                    found.add(text);
                    break;
                }
            }
        }
        return found;
    }

    @Test
    void anOfferACallAndWrapUpInJapanese() {
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/dashboard");
        assertThat(page.locator("#agent-status")).containsText("受付可");
        assertThat(page.locator("#contact-panel")).containsText("現在通話はありません");
        assertThat(english(page)).as("English on the idle dashboard").isEmpty();

        SystemUser.run(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "山田 花子", "+15550100")));
        assertThat(page.locator("#offer-title")).containsText("着信 · " + calls.name(),
                new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        assertThat(page.locator("#accept")).containsText("応答");
        assertThat(english(page)).as("English on the offer").isEmpty();
        Browsers.screenshot(page, "dashboard-offer-ja");

        page.locator("#accept").click();
        assertThat(page.locator("#call-title")).containsText("通話中");
        assertThat(page.locator("#end-call")).containsText("終話");
        assertThat(english(page)).as("English during the call").isEmpty();

        page.locator("#end-call").click();
        assertThat(page.locator("#wrap-up-title")).containsText("後処理 · 山田 花子");
        assertThat(english(page)).as("English in wrap-up").isEmpty();
        Browsers.screenshot(page, "dashboard-wrap-up-ja");

        page.locator("#end-wrap-up").click();
        assertThat(page.locator("#contact-panel")).containsText("現在通話はありません");
    }

    @Test
    void aWebchatAndTheAgentsConversationInJapanese() {
        BrowserContext customerContext = Browsers.newJapaneseContext();
        try {
            Page customer = customerContext.newPage();
            customer.navigate(base() + "/webchat/" + chats.name());
            assertThat(customer.locator("h1")).containsText(chats.name() + "とのチャット");
            assertThat(english(customer)).as("English on the webchat page").isEmpty();
            customer.locator("#webchat-name input").fill("花子");
            customer.locator("#webchat-first textarea").fill("配送について教えてください");
            customer.locator("#webchat-start").click();
            assertThat(customer.locator("#webchat-status")).containsText("まもなく担当者が対応します");
            assertThat(english(customer)).as("English on the started webchat").isEmpty();

            Browsers.signIn(page, base(), agent.username(), "password1");
            page.navigate(base() + "/chats");
            page.locator("#conversations .conversation").first().click();
            page.locator("#chat-accept").click();
            assertThat(page.locator("#chat-composer")).isVisible();
            page.locator("#chat-message input").fill("3日でお届けします。");
            page.locator("#chat-message input").press("Enter");
            assertThat(customer.locator("#webchat-status")).containsText("担当者とチャット中です");
            assertThat(english(page)).as("English in chat conversations").isEmpty();
            assertThat(english(customer)).as("English on the webchat page while chatting").isEmpty();
            Browsers.screenshot(page, "chat-agent-ja");
            Browsers.screenshot(customer, "webchat-customer-ja");
        } finally {
            customerContext.close();
        }
    }

    @Test
    void todaysActivityInJapanese() {
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/activity/today");
        assertThat(page.locator("#queue-calls-answered")).containsText("キュー着信の応答数");
        assertThat(page.locator("#comparison-day")).containsText("比較する日");
        assertThat(english(page)).as("English on Today's Activity").isEmpty();
        Browsers.screenshot(page, "activity-today-ja");
    }
}
