package org.switchboard.shared.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.SwitchboardBrowserTest;

/** The shell in a real Chromium: sign in, what an agent sees, and what it may not open. */
@SwitchboardBrowserTest
class AppShellIT {

    @LocalServerPort
    int port;
    BrowserContext context;
    Page page;

    @BeforeEach
    void open() {
        context = Browsers.newContext();
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anAgentSignsInAndSeesTheShell() {
        Browsers.signIn(page, base(), "agent1", "switchboard");

        assertThat(page.getByText("Alice Moreno")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Settings"))).isVisible();
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Dashboard"))).isVisible();
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Users"))).hasCount(0);
        Browsers.screenshot(page, "shell-agent");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Settings")).click();
        assertThat(page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("My account"))).isVisible();
    }

    @Test
    void anAgentIsRefusedAnAdminScreen() {
        Browsers.signIn(page, base(), "agent2", "switchboard");
        page.navigate(base() + "/admin/users");
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page.getByText("Ada Admin")).hasCount(0);
    }

    @Test
    void signingOutReturnsToTheLoginPage() {
        Browsers.signIn(page, base(), "agent3", "switchboard");
        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        page.navigate(base() + "/dashboard");
        page.waitForURL(url -> url.contains("/login"));
    }
}
