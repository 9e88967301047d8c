package org.switchboard.shared.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Locale;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.AxeScans;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.chat.ChatService;
import org.switchboard.common.Translations;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * axe-core scans of every main screen in Chromium, as an agent who also supervises and administers,
 * and of the public pages, in English and in Japanese (a Japanese browser: the pages' language, their
 * labels' lengths and the lang attributes change): no serious or critical WCAG 2.2 AA violation (see
 * {@link AxeScans}).
 */
@SwitchboardBrowserTest
class AccessibilityIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    QueueService queues;
    @Autowired
    ContactService contacts;
    @Autowired
    ChatService chats;
    @Autowired
    MutableClock clock;

    BrowserContext browser;
    Page page;
    Locale language = Locale.ENGLISH;
    QueueInfo calls;
    QueueInfo chatQueue;
    UserSummary everyone;

    @BeforeEach
    void open() {
        clock.tick();
        browser = Browsers.newContext();
        page = browser.newPage();
        calls = fixture.queue(QueueKind.CALL, 0, 0);
        chatQueue = fixture.queue(QueueKind.CHAT, 0, 0);
        everyone = fixture.user(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        SystemUser.run(() -> queues.assign(calls.id(), AssignmentRole.AGENT, Set.of(everyone.id())));
        SystemUser.run(() -> queues.assign(chatQueue.id(), AssignmentRole.AGENT, Set.of(everyone.id())));
        fixture.supervise(calls, everyone);
    }

    @AfterEach
    void close() {
        clock.reset();
        browser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Opens the browser in a language: the user has chosen none, so the screens follow the browser's. */
    void speak(String language) {
        this.language = Locale.forLanguageTag(language);
        if (!"en".equals(language)) {
            page.close();
            browser.close();
            browser = Browsers.newJapaneseContext();
            page = browser.newPage();
        }
        assertThat(page.locator("html")).not().hasAttribute("lang", "");
    }

    /** A text of the screens in the language spoken. */
    String text(String key, Object... args) {
        return Translations.translate(language, key, args);
    }

    void scan(String path, String label) {
        page.navigate(base() + path);
        page.locator("vaadin-app-layout").waitFor();
        page.waitForLoadState();
        assertAccessible(label);
    }

    void assertAccessible(String label) {
        assertThat(page.locator("html")).hasAttribute("lang", language.getLanguage());
        AxeScans.assertAccessible(page, label + " (" + language.getLanguage() + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void thePublicPagesHaveNoSeriousViolations(String language) {
        speak(language);
        page.navigate(base() + "/login");
        page.locator("input[name=username]").waitFor();
        assertAccessible("the login page");

        page.navigate(base() + "/webchat/" + chatQueue.name());
        page.locator("textarea, input").first().waitFor();
        assertAccessible("the webchat page");

        page.navigate(base() + "/call/" + QueueInfo.slugOf(calls.name()));
        page.locator("button, vaadin-button").first().waitFor();
        assertAccessible("the caller page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void theAgentsScreensHaveNoSeriousViolationsIdleWithAnOfferAndOnACall(String language) {
        speak(language);
        Browsers.signIn(page, base(), everyone.username(), "password1");
        page.navigate(base() + "/dashboard");
        page.locator(".queue-card").first().waitFor();
        assertAccessible("the dashboard, logged out");
        page.locator(".queue-card").first().getByLabel(text("dashboard.card.log-in-to", calls.name())).check();
        page.locator(".queue-card").nth(1).getByLabel(text("dashboard.card.log-in-to", chatQueue.name())).check();
        page.locator("#login-to-queues").click();
        assertThat(page.locator("#login-to-queues")).hasText(text("dashboard.queues.in-all"));
        assertAccessible("the dashboard, ready");

        SystemUser.run(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+15550100")));
        assertThat(page.locator("#accept")).isVisible();
        assertThat(page.locator("#offer-announcement[aria-live=assertive]"))
                .containsText(text("contact.type.inbound-call") + " · " + calls.name());
        assertAccessible("the dashboard with an offer");
        page.locator("#accept").click();
        assertThat(page.locator("#end-call")).isVisible();
        assertAccessible("the dashboard on a call");
        page.locator("#end-call").click();
        assertThat(page.locator("#end-wrap-up")).isVisible();
        assertAccessible("the dashboard in wrap-up");
        page.locator("#end-wrap-up").click();

        SystemUser.run(() -> chats.start(new NewContact(chatQueue.name(), ContactType.CHAT, Channel.WEBCHAT, "Ada",
                "web-ada-" + RoutingFixture.unique("x")), "Hello, where is my order?"));
        assertThat(page.locator("#chat-announcement[aria-live=polite]"))
                .containsText(text("chat.popup.new-chat", text("chat.channel.webchat"), chatQueue.name(), "Ada"));
        scan("/chats", "chat conversations");
        scan("/activity/today", "Today's Activity");
        scan("/activity/week", "Week's Activity");
        scan("/settings/account", "My account");
        scan("/settings/chat", "chat notifications");
        scan("/settings/texts", "pre-saved texts");
        scan("/settings/audio", "pre-recorded audio");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void theSupervisorsAndAdminsScreensHaveNoSeriousViolations(String language) {
        speak(language);
        Browsers.signIn(page, base(), everyone.username(), "password1");
        scan("/supervision", "supervision overview");
        scan("/supervision/queue/" + calls.id(), "supervision drill-down");
        scan("/admin/users", "admin users");
        scan("/admin/queues", "admin queues");
        scan("/admin/pause-reasons", "admin pause reasons");
        scan("/admin/api-keys", "admin API keys");
        scan("/admin/audit", "audit log");
    }

    /** Whether the focused element (followed into shadow roots) shows a focus ring: an outline, a box-shadow or Vaadin's focus-ring state. */
    static final String FOCUS_VISIBLE = """
            () => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) { e = e.shadowRoot.activeElement; }
              const shows = n => {
                const s = getComputedStyle(n);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                    || (n.hasAttribute && n.hasAttribute('focus-ring'));
              };
              for (let n = e, i = 0; n && i < 4; i++) {
                if (n.nodeType === 1 && shows(n)) { return true; }
                n = n.parentElement || (n.getRootNode && n.getRootNode().host);
              }
              return false;
            }""";

    /**
     * Presses Tab until the focused element is or lies in one that matches (looking through shadow
     * roots), then checks its focus is visible.
     */
    void tabTo(String selector) {
        for (int i = 0; i < 60; i++) {
            boolean there = (Boolean) page.evaluate("""
                    s => { let e = document.activeElement;
                           while (e) { if (e.closest && e.closest(s)) { return true; }
                                       e = e.shadowRoot ? e.shadowRoot.activeElement : null; }
                           return false; }""", selector);
            if (there) {
                org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(FOCUS_VISIBLE))
                        .as("visible focus on " + selector).isTrue();
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    @Test
    void anAgentWorksWithTheKeyboardOnlyAndAlwaysSeesWhereTheFocusIs() {
        page.navigate(base() + "/login");
        page.getByLabel("Username").waitFor();
        tabTo("input[name=username]");
        page.keyboard().type(everyone.username());
        tabTo("input[name=password]");
        page.keyboard().type("password1");
        page.keyboard().press("Enter");
        page.locator("vaadin-app-layout").waitFor();
        page.navigate(base() + "/dashboard");
        page.locator(".queue-card").first().waitFor();

        tabTo(".queue-card[data-queue='" + calls.name() + "'] vaadin-checkbox");
        page.keyboard().press("Space");
        assertThat(page.locator("#login-to-queues")).hasText("Log in to " + calls.name());
        tabTo("#login-to-queues");
        page.keyboard().press("Enter");
        assertThat(page.locator("#agent-status-menu")).containsText("Ready");

        SystemUser.run(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+15550100")));
        assertThat(page.locator("#offer-announcement")).containsText("Grace Hopper");
        tabTo("#accept");
        page.keyboard().press("Enter");
        assertThat(page.locator("#end-call")).isVisible();
        tabTo("#end-call");
        page.keyboard().press("Enter");
        tabTo("#end-wrap-up");
        page.keyboard().press("Enter");
        assertThat(page.locator("#contact-panel")).containsText("No call right now");

        tabTo(".queue-card[data-queue='" + chatQueue.name() + "'] vaadin-checkbox");
        page.keyboard().press("Space");
        tabTo("#login-to-queues");
        page.keyboard().press("Enter");
        SystemUser.run(() -> chats.start(new NewContact(chatQueue.name(), ContactType.CHAT, Channel.WEBCHAT, "Ada",
                "web-ada-" + RoutingFixture.unique("k")), "Hello, where is my order?"));
        assertThat(page.locator("#chat-announcement")).containsText("Ada");
        tabTo("vaadin-side-nav-item[path='chats'], vaadin-side-nav-item[path='/chats']");
        page.keyboard().press("Enter");
        page.locator("#conversations [role=listitem]").first().waitFor();
        tabTo("#conversations [role=listitem]");
        page.keyboard().press("Enter");
        tabTo("#chat-accept");
        page.keyboard().press("Enter");
        tabTo("#chat-message input");
        page.keyboard().type("It ships today.");
        page.keyboard().press("Enter");
        assertThat(page.locator("#chat-messages")).containsText("It ships today.");
    }

    @Test
    void atPhoneWidthTheTablesStayWithinTheScreen() {
        page.setViewportSize(400, 800);
        Browsers.signIn(page, base(), everyone.username(), "password1");
        for (String[] screen : new String[][] {{"/settings/texts", "narrow-texts"}, {"/activity/week", "narrow-week"},
                {"/admin/users", "narrow-users"}, {"/supervision/queue/" + calls.id(), "narrow-drill-down"},
                {"/admin/api-keys", "narrow-api-keys"}, {"/admin/queues", "narrow-queues"}}) {
            page.navigate(base() + screen[0]);
            page.locator("vaadin-grid").first().waitFor();
            page.waitForLoadState();
            Browsers.screenshot(page, screen[1]);
            // No table reaches past the screen's right edge, so a row's actions (frozen at the end) are in view.
            page.waitForFunction("""
                    () => Array.from(document.querySelectorAll('vaadin-grid')).every(grid => {
                      const box = grid.getBoundingClientRect();
                      return box.width > 0 && box.right <= window.innerWidth;
                    })""", null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        }
        // The users table keeps user name, status and actions; name, roles and lines wait for a wider window.
        page.navigate(base() + "/admin/users");
        page.locator("vaadin-grid").first().waitFor();
        page.waitForFunction("""
                () => Array.from(document.querySelector('vaadin-grid').querySelectorAll('vaadin-grid-column'))
                  .filter(column => column.hidden).length === 3""", null, new Page.WaitForFunctionOptions().setTimeout(10_000));
        page.setViewportSize(1280, 800);
        page.waitForFunction("""
                () => Array.from(document.querySelector('vaadin-grid').querySelectorAll('vaadin-grid-column'))
                  .every(column => !column.hidden)""", null, new Page.WaitForFunctionOptions().setTimeout(10_000));
    }
}
