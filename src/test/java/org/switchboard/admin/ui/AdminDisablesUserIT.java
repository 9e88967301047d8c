package org.switchboard.admin.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;

/** In a real Chromium: an admin disables a user who is signed in elsewhere; that user's page signs out at once. */
@SwitchboardBrowserTest
class AdminDisablesUserIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    BrowserContext adminContext;
    BrowserContext agentContext;

    @BeforeEach
    void open() {
        adminContext = Browsers.newContext();
        agentContext = Browsers.newContext();
    }

    @AfterEach
    void close() {
        adminContext.close();
        agentContext.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void disablingASignedInUserEndsItsSessionWithinSeconds() {
        String username = "gone-" + UUID.randomUUID().toString().substring(0, 6);
        SystemUser.run(() -> users.create(new UserForm(username, "Leaving Agent", "password1", Set.of(Role.AGENT), null)));

        Page agent = agentContext.newPage();
        Browsers.signIn(agent, base(), username, "password1");
        assertThat(agent.locator(".user-name")).hasText("Leaving Agent",
                new LocatorAssertions.HasTextOptions().setTimeout(15000));

        Page admin = adminContext.newPage();
        Browsers.signIn(admin, base(), "admin", "switchboard");
        admin.navigate(base() + "/admin/users");
        admin.locator("#user-search input").fill(username);
        // The search narrows the grid to that one user before we click.
        assertThat(admin.locator("vaadin-grid").getByText("Ada Admin")).hasCount(0);
        // Role queries skip the hidden copies the grid keeps of re-rendered cells.
        Locator disable = admin.locator("vaadin-grid").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Disable").setExact(true));
        assertThat(disable).hasCount(1);
        disable.click();
        assertThat(admin.getByText(username + " is disabled and signed out.")).isVisible();
        assertThat(admin.locator("vaadin-grid").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Enable").setExact(true))).hasCount(1);

        // The agent does nothing: its open page is sent to the sign-in page with the reason.
        assertThat(agent).hasURL(java.util.regex.Pattern.compile(".*/login\\?disabled.*"),
                new PageAssertions.HasURLOptions().setTimeout(5000));
        assertThat(agent.getByText("This account has been disabled")).isVisible(
                new LocatorAssertions.IsVisibleOptions().setTimeout(5000));

        // Its old session is gone, and signing in again is refused.
        agent.navigate(base() + "/dashboard");
        agent.waitForURL(url -> url.contains("/login"));
        agent.getByLabel("Username").fill(username);
        agent.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("password1");
        agent.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(agent.getByText("This account has been disabled")).isVisible();
        assertThat(agent.url()).contains("/login");
        SystemUser.run(() -> assertThat(users.findByUsername(username).orElseThrow().enabled()).isFalse());
    }

    @Test
    void adminScreensScreenshots() {
        Page admin = adminContext.newPage();
        Browsers.signIn(admin, base(), "admin", "switchboard");

        admin.navigate(base() + "/admin/users");
        admin.locator("vaadin-grid").getByText("agent1", new Locator.GetByTextOptions().setExact(true)).waitFor();
        Browsers.screenshot(admin, "admin-users");

        admin.navigate(base() + "/admin/queues");
        // Rows, not a given queue: on an external test database the other tests' queues may push it out of view.
        admin.locator("vaadin-grid").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).first().waitFor();
        Browsers.screenshot(admin, "admin-queues");
        admin.locator("#new-queue").click();
        admin.locator("vaadin-dialog-overlay, vaadin-dialog").getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill("Sales");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(admin.locator("#queue-error")).containsText("already exists");
        Browsers.screenshot(admin, "admin-queue-dialog");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();
        admin.locator("vaadin-grid").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit")).first().click();
        admin.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Agents and supervisors")).click();
        assertThat(admin.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Supervisors"))).isVisible();
        Browsers.screenshot(admin, "admin-queue-assignments");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")).click();

        admin.navigate(base() + "/admin/pause-reasons");
        admin.locator("vaadin-grid").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).first().waitFor();
        Browsers.screenshot(admin, "admin-pause-reasons");

        admin.navigate(base() + "/admin/audit");
        admin.locator("vaadin-grid").getByText("queue.created").first().waitFor();
        Browsers.screenshot(admin, "admin-audit");
    }
}
