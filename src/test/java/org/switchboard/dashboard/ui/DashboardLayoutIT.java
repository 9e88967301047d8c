package org.switchboard.dashboard.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/** The dashboard with an offer, two lines and two cards fits a phone-sized window and a desktop one. */
@SwitchboardBrowserTest
class DashboardLayoutIT {

    /** Elements of the dashboard whose right edge lies beyond the window: what makes the page scroll sideways. */
    private static final String OVERFLOWING = """
            () => {
              const width = document.documentElement.clientWidth;
              return [...document.querySelectorAll('main.dashboard *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : ''))
                .slice(0, 10);
            }""";

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    MutableClock clock;

    BrowserContext browser;

    @BeforeEach
    void realTime() {
        clock.tick();
    }

    @AfterEach
    void close() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @CsvSource({"400, 800", "1280, 800"})
    @SuppressWarnings("unchecked")
    void theDashboardWithAnOfferFitsTheWindow(int width, int height) {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 30);
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 30);
        UserSummary agent = fixture.readyAgents(1, calls, chats).getFirst();
        SystemUser.run(() -> users.update(agent.id(), agent.version(),
                new UserForm(null, "Alice Moreno-Vasquez", null, agent.roles(), List.of("1012", "2012"))));
        SystemUser.run(() -> contacts.create(new NewContact(calls.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                "Grace Hopper", "+1 555 0100")));

        browser = Browsers.chromium().newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page page = browser.newPage();
        String base = "http://localhost:" + port;
        Browsers.signIn(page, base, agent.username(), "password1");
        page.navigate(base + "/dashboard");
        assertThat(page.locator("#offer-line")).hasText("on line 1012");
        assertThat(page.locator("#line-select")).isVisible();
        assertThat(page.locator(".queue-card")).hasCount(2);
        page.evaluate("() => document.fonts.ready.then(() => true)"); // fonts loaded before the picture
        Browsers.screenshot(page, "dashboard-" + width);

        assertThat((List<String>) page.evaluate(OVERFLOWING)).as("elements beyond the %d px window", width).isEmpty();
    }
}
