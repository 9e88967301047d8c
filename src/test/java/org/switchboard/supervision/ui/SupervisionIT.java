package org.switchboard.supervision.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.switchboard.agent.AgentStatusService;
import org.switchboard.agent.GlobalAction;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.AssignmentRole;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.queue.QueueSettings;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * A supervisor and an agent, each in their own browser: the supervisor ends the agent's wrap-up in
 * the queue's drill-down, and the agent's dashboard changes at once by server push.
 */
@SwitchboardBrowserTest
class SupervisionIT {

    private static final String[] CUSTOMERS = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Katherine Johnson", "Hedy Lamarr"};

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    QueueService queues;
    @Autowired
    UserService users;
    @Autowired
    ContactService contacts;
    @Autowired
    AgentStatusService agents;
    @Autowired
    MutableClock clock;

    BrowserContext agentBrowser;
    BrowserContext supervisorBrowser;
    QueueInfo queue;
    UserSummary agent;
    UserSummary colleague;

    @BeforeEach
    void setUp() {
        // A plain name reads better in the screenshots; this class creates it once per test run.
        queue = fixture.queue(new QueueSettings("Billing", QueueKind.CALL, 20, 0, 30, 600, 20, 1, 0, 3, Set.of()));
        agent = SystemUser.call(() -> users.create(new UserForm(RoutingFixture.unique("grace").toLowerCase(), "Grace Agent",
                "password1", Set.of(Role.AGENT), null)));
        colleague = fixture.readyAgents(1, queue).getFirst();
        SystemUser.run(() -> queues.assign(queue.id(), AssignmentRole.AGENT, Set.of(agent.id(), colleague.id())));
        // The demo supervisor watches the demo queues and this one.
        UserSummary supervisor = SystemUser.call(() -> users.findByUsername("supervisor").orElseThrow());
        fixture.supervise(queue, supervisor);
        earlierToday();
        // From here on the browsers count down to times the server sets: both run on real time.
        clock.tick();
        agentBrowser = Browsers.newContext();
        supervisorBrowser = Browsers.newContext();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        agentBrowser.close();
        supervisorBrowser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Today's earlier hours: the colleague answers most calls, a few callers give up; then the colleague leaves. */
    void earlierToday() {
        Instant now = Instant.now();
        Instant dayStart = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        long hoursSoFar = Duration.between(dayStart, now).toHours();
        for (long h = Math.max(0, hoursSoFar - 8); h < hoursSoFar; h++) {
            for (int i = 0; i < 2 + h % 4; i++) {
                clock.set(dayStart.plus(Duration.ofHours(h).plusMinutes(3 + i * 11L)));
                ContactView call = call(CUSTOMERS[i % CUSTOMERS.length]);
                if (i == 3) {
                    clock.advance(Duration.ofSeconds(50));
                    SystemUser.run(() -> contacts.customerLeft(call.id()));
                    continue;
                }
                clock.advance(Duration.ofSeconds(2 + i * 3L)); // well within the 20 s an offer rings
                RoutingFixture.as(colleague, () -> contacts.accept(colleague.id(), call.id()));
                clock.advance(Duration.ofMinutes(3));
                RoutingFixture.as(colleague, () -> contacts.end(colleague.id(), call.id()));
                clock.advance(Duration.ofSeconds(30));
                RoutingFixture.as(colleague, () -> contacts.endWrapUp(colleague.id()));
            }
        }
        SystemUser.run(() -> agents.setGlobal(colleague.id(), GlobalAction.LOGOUT, null));
    }

    ContactView call(String customer) {
        return SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL, Channel.VOICE,
                customer, "+1 555 0100")));
    }

    @Test
    void aSupervisorClicksEndWrapUpInTheDrillDownAndTheAgentsScreenChangesAtOnce() {
        Page agentPage = agentBrowser.newPage();
        Browsers.signIn(agentPage, base(), agent.username(), "password1");
        agentPage.navigate(base() + "/dashboard");
        Locator card = agentPage.locator(".queue-card[data-queue='" + queue.name() + "']");
        card.getByLabel("Log in to " + queue.name()).check();
        agentPage.locator("#login-to-queues").click();
        assertThat(agentPage.locator("#agent-status")).containsText("Ready");
        call("Linus Pauling");
        agentPage.locator("#accept").click();
        agentPage.locator("#end-call").click();
        assertThat(agentPage.locator("#wrap-up-title")).containsText("Wrap-up · Linus Pauling");
        // Two more callers wait while the only agent wraps up.
        call("Marie Curie");
        call("Tim Berners-Lee");

        Page supervisor = supervisorBrowser.newPage();
        Browsers.signIn(supervisor, base(), "supervisor", "switchboard");
        supervisor.navigate(base() + "/supervision");
        Locator overviewCard = supervisor.locator(".queue-card[data-queue='" + queue.name() + "']");
        assertThat(overviewCard).containsText(Pattern.compile("Calls waiting\\s*2"));
        assertThat(supervisor.locator(".queue-card[data-queue='Sales']")).isVisible();
        supervisor.setViewportSize(1280, 640);
        Browsers.screenshot(supervisor, "supervision-overview");
        supervisor.setViewportSize(1280, 1200);

        overviewCard.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(queue.name())).click();
        assertThat(supervisor.locator("#queue-name")).hasText(queue.name());
        assertThat(supervisor.locator("#waiting-contacts")).containsText("Marie Curie");
        assertThat(supervisor.locator("#hourly-chart canvas")).isVisible();
        Locator endWrapUp = supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End wrap up for Grace Agent"));
        assertThat(endWrapUp).isEnabled();
        Browsers.screenshot(supervisor, "supervision-drill-down");

        endWrapUp.click();

        // The agent did nothing: its wrap-up is gone and, with callers waiting, the next call is offered.
        assertThat(agentPage.locator("#wrap-up-title")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(3_000));
        assertThat(agentPage.locator("#offer-title")).containsText("Incoming Call · " + queue.name(),
                new LocatorAssertions.ContainsTextOptions().setTimeout(3_000));
        assertThat(endWrapUp).isDisabled();
        assertThat(supervisor.locator("#waiting-contacts")).not().containsText("Marie Curie");
    }

}
