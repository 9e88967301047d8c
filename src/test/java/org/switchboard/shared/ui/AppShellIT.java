package org.switchboard.shared.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.server.VaadinSession;
import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.switchboard.Browsers;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.security.ui.LoginView;

/** The shell in a real Chromium: sign in, what an agent sees, and what it may not open. */
@SwitchboardBrowserTest
class AppShellIT {

    @LocalServerPort
    int port;
    @Autowired
    WebServerApplicationContext server;
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

    @Test
    void signingInLeavesOnlyTheScreenItOpensOnTheServer() throws Exception {
        Browsers.signIn(page, base(), "agent4", "switchboard");
        page.locator("#queue-cards").waitFor();

        String sessionId = context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow().value;
        Context web = (Context) ((TomcatWebServer) server.getWebServer()).getTomcat().getHost().findChildren()[0];
        List<Object> views = new ArrayList<>();
        for (VaadinSession session : VaadinSession.getAllSessions(web.getManager().findSession(sessionId).getSession())) {
            session.accessSynchronously(() -> session.getUIs().forEach(ui ->
                    views.add(ui.getInternals().getActiveRouterTargetsChain().getFirst())));
        }
        // The sign-in page's UI goes when the browser leaves it (Vaadin's unload beacon), not a quarter of an
        // hour later when its heartbeats have stopped: a morning's sign-ins would otherwise hold a page each.
        assertThat(views).hasSize(1);
        assertThat(views.getFirst()).isNotInstanceOf(LoginView.class);
    }

    @Test
    void connectionsGetSmallBuffersFromTomcat() throws Exception {
        // Read from Tomcat itself: the size must have been set before its WebSocket support started.
        Field size = Class.forName("org.apache.tomcat.websocket.Constants").getDeclaredField("DEFAULT_BUFFER_SIZE");
        size.setAccessible(true);
        assertThat(size.getInt(null)).isEqualTo(1024);
        var connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
    }
}
