package org.switchboard.dashboard.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.api.ApiKeyService;
import org.switchboard.contact.ContactService;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/** The agent's dashboard in a real Chromium, following calls created through the REST API by server push. */
@SwitchboardBrowserTest
class DashboardIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    QueueService queues;
    @Autowired
    ApiKeyService keys;
    @Autowired
    ContactService contacts;

    BrowserContext browser;
    Page page;
    QueueInfo queue;
    UserSummary agent;
    String apiKey;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void open() {
        // The browser counts down to times the server sets: both must run on real time.
        clock.tick();
        browser = Browsers.newContext();
        page = browser.newPage();
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.user(Role.AGENT);
        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(agent.id())));
        apiKey = SystemUser.call(() -> keys.create(RoutingFixture.unique("it"), "it")).plainKey();
    }

    @AfterEach
    void close() {
        clock.reset();
        browser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    void signInAndGoReady() {
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/dashboard");
        Locator card = page.locator(".queue-card[data-queue='" + queue.name() + "']");
        assertThat(card).isVisible();
        assertThat(card).containsText("Logged out");
        card.getByLabel("Log in to " + queue.name()).check();
        assertThat(page.locator("#login-to-queues")).hasText("Log in to " + queue.name());
        page.locator("#login-to-queues").click();
        assertThat(page.locator("#login-to-queues")).hasText("Logged in to all queues");
        assertThat(card.getByLabel("Logged in to " + queue.name())).isChecked();
        assertThat(page.locator("#agent-status")).containsText("Ready");
        assertThat(card).containsText("Ready");
    }

    void createCallThroughTheApi() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/contacts"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"queue": "%s", "type": "INBOUND_CALL", "channel": "VOICE", "customerName": "Grace Hopper",
                         "customerAddress": "+1 555 0100"}""".formatted(queue.name()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void anAgentTakesACallFromOfferToWrapUpWithoutReloading() throws Exception {
        signInAndGoReady();
        Browsers.screenshot(page, "dashboard-ready");

        long created = System.nanoTime();
        createCallThroughTheApi();
        assertThat(page.locator("#offer-title")).containsText("Incoming Call · " + queue.name(),
                new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        long offerShownMillis = (System.nanoTime() - created) / 1_000_000;
        assertThat(page.locator("#contact-panel")).containsText("Grace Hopper · +15550100");
        assertThat(page.locator("#agent-activity")).hasText("Ringing");
        Browsers.screenshot(page, "dashboard-offer");
        System.out.println("Offer shown " + offerShownMillis + " ms after the API call started");

        page.locator("#accept").click();
        assertThat(page.locator("#call-title")).containsText("On call");
        assertThat(page.locator("#contact-panel sb-clock")).isVisible();
        assertThat(page.locator("#agent-activity")).hasText("On call");
        assertThat(page.locator(".status-bar .since sb-clock")).isVisible();
        Browsers.screenshot(page, "dashboard-on-call");

        page.locator("#end-call").click();
        assertThat(page.locator("#wrap-up-title")).containsText("Wrap-up · Grace Hopper");
        String first = page.locator("#contact-panel sb-clock").textContent();
        assertThat(page.locator("#contact-panel sb-clock")).not().hasText(first); // retried until the next second
        assertThat(page.locator("#agent-activity")).hasText("Wrap-up");
        Browsers.screenshot(page, "dashboard-wrap-up");

        page.locator("#end-wrap-up").click();
        assertThat(page.locator("#contact-panel")).containsText("No call right now");
        assertThat(page.locator("#agent-status")).containsText("Ready");
        assertThat(offerShownMillis).isLessThan(5_000);
    }

    @Test
    void theStatusMenusPauseAndReadyTheAgent() {
        signInAndGoReady();
        page.locator("#agent-status-menu").getByText("Ready").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Lunch")).click();
        assertThat(page.locator("#agent-status")).containsText("Paused: Lunch");
        Browsers.screenshot(page, "dashboard-paused");

        Locator card = page.locator(".queue-card[data-queue='" + queue.name() + "']");
        card.getByText("My Status").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Ready Now")).click();
        assertThat(card).containsText("Ready");
        assertThat(page.locator("#agent-status")).containsText("Ready");
    }

    @Test
    void aSupervisorEndingTheWrapUpChangesTheAgentsScreenAtOnce() throws Exception {
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(queue, supervisor);
        signInAndGoReady();
        createCallThroughTheApi();
        page.locator("#accept").click();
        page.locator("#end-call").click();
        assertThat(page.locator("#wrap-up-title")).isVisible();

        RoutingFixture.as(supervisor, () -> contacts.endWrapUpFor(agent.id()));

        assertThat(page.locator("#contact-panel")).containsText("No call right now",
                new LocatorAssertions.ContainsTextOptions().setTimeout(3_000));
    }

    @Test
    void queuesAnAdminAssignsRenamesAndTakesAwayChangeTheOpenDashboard() {
        QueueInfo other = fixture.queue(QueueKind.CHAT, 0, 0);
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/dashboard");
        Locator cards = page.locator("#queue-cards .queue-card");
        assertThat(cards).hasCount(1);
        LocatorAssertions.ContainsTextOptions pushed = new LocatorAssertions.ContainsTextOptions().setTimeout(5_000);

        SystemUser.run(() -> queues.assign(other.id(), AssignmentRole.AGENT, Set.of(agent.id())));
        assertThat(page.locator(".queue-card[data-queue='" + other.name() + "']")).containsText("Logged out", pushed);

        String renamed = other.name() + "-renamed";
        fixture.rename(other, renamed);
        assertThat(page.locator(".queue-card[data-queue='" + renamed + "'] .card-title")).containsText(renamed, pushed);

        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of()));
        assertThat(cards).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(5_000));
        assertThat(cards.first()).hasAttribute("data-queue", renamed);
    }

    @Test
    void aCallDialedToTheAgentsLineThroughTheApiRingsTheOpenDashboard() throws Exception {
        String line = RoutingFixture.uniqueLine();
        fixture.giveLines(agent, line);
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/dashboard");
        assertThat(page.locator("#contact-panel")).containsText("No call right now");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/api/v1/lines/" + line + "/calls"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerName\": \"Linus\", \"customerAddress\": \"+1 555 0142\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(page.locator("#offer-title")).containsText("Direct call", new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        assertThat(page.locator("#contact-panel")).containsText("Linus");

        page.locator("#accept").click();
        assertThat(page.locator("#call-title")).containsText("On call");
        page.locator("#end-call").click();
        assertThat(page.locator("#contact-panel")).containsText("No call right now");
    }
}
