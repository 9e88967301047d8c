package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.switchboard.Browsers;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/**
 * What the pages tell the browser to protect them: a Content-Security-Policy under which every screen
 * works in a real Chromium (no violation reported), no sniffing, no referrer to other sites, no
 * framing by other sites, a session cookie that other sites' requests do not carry, and a login form
 * that only takes a POST with the CSRF token of a page it served.
 */
@SwitchboardBrowserTest
class PageSecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;

    final HttpClient http = HttpClient.newHttpClient();
    final List<String> violations = new CopyOnWriteArrayList<>();
    BrowserContext context;

    @BeforeEach
    void open() {
        context = Browsers.newContext();
        // Chromium reports a blocked script, style, image or connection both ways: as an event in the page and on the console.
        context.exposeFunction("reportCspViolation", args -> violations.add(String.valueOf(args[0])));
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "window.reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
    }

    @AfterEach
    void close() {
        context.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Page newPage() {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        });
        return page;
    }

    @Test
    void everyScreenWorksUnderTheContentSecurityPolicy() {
        QueueInfo calls = fixture.queue(QueueKind.CALL, 0, 30);
        QueueInfo chats = fixture.queue(QueueKind.CHAT, 0, 0);
        UserSummary everyone = fixture.user(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        fixture.supervise(calls, everyone);

        Page customer = newPage();
        customer.navigate(base() + "/webchat/" + chats.name());
        customer.locator("vaadin-text-field").first().waitFor();
        customer.navigate(base() + "/call/" + calls.name());
        customer.locator("vaadin-text-field").first().waitFor();
        // The tab's icon, from this server under the same policy.
        String icon = customer.locator("link[rel=icon]").getAttribute("href");
        assertThat(icon).isEqualTo("assets/favicon.svg");
        assertThat(customer.request().get(base() + "/" + icon).headers().get("content-type")).startsWith("image/svg+xml");
        customer.close();

        Map<String, String> screens = new LinkedHashMap<>();
        for (String route : List.of("dashboard", "chats", "activity/today", "activity/week", "supervision",
                "supervision/queue/:queueId", "settings/account", "settings/audio", "settings/texts", "settings/chat", "settings/voice",
                "admin/users", "admin/queues", "admin/pause-reasons", "admin/hold-music", "admin/audit", "admin/api-keys", "admin/simulator")) {
            screens.put(route, "/" + route.replace(":queueId", Long.toString(calls.id())));
        }
        assertThat(routes()).as("every screen is visited here (with the login, the webchat, the caller page and the home redirect)")
                .containsExactlyInAnyOrderElementsOf(concat(screens.keySet(), List.of("", "login", "webchat/:queue", "call/:queue")));

        Page page = newPage();
        Browsers.signIn(page, base(), everyone.username(), "password1");
        for (String screen : screens.values()) {
            page.navigate(base() + screen);
            PlaywrightAssertions.assertThat(page.locator("vaadin-app-layout")).hasCount(1);
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.url()).as("%s stays open", screen).endsWith(screen);
        }
        // The listener hears a violation when there is one: an image from another origin is blocked.
        page.evaluate("() => { new Image().src = 'http://127.0.0.2:9/probe.png'; }");
        page.waitForCondition(() -> violations.stream().anyMatch(v -> v.startsWith("img-src blocked http://127.0.0.2"))
                && violations.stream().anyMatch(v -> v.contains("Content Security Policy") && v.contains("127.0.0.2")));
        violations.removeIf(v -> v.contains("127.0.0.2"));

        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    /** The route templates of every view in the app. */
    static List<String> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        return scanner.findCandidateComponents("org.switchboard").stream()
                .map(view -> ClassUtils.resolveClassName(view.getBeanClassName(), PageSecurityIT.class.getClassLoader()))
                .map(view -> view.getAnnotation(Route.class).value())
                .toList();
    }

    static List<String> concat(Collection<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void pagesCarryTheProtectiveHeadersAndALaxSessionCookie() throws Exception {
        for (String path : List.of("/login", "/webchat/web-chat", "/assets/sb-audio.js")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void aLoginPostWithoutTheFormsCsrfTokenIsRefused() throws Exception {
        UserSummary agent = fixture.user(Role.AGENT);
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + agent.username() + "&password=password1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();

        // The real form sends the token and signs in.
        Page page = newPage();
        Browsers.signIn(page, base(), agent.username(), "password1");
        assertThat(page.url()).doesNotContain("/login");
    }
}
