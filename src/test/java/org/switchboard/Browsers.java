package org.switchboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Chromium per test JVM. Uses Debian's {@code /usr/bin/chromium} (or {@code CHROMIUM_PATH});
 * without either, Playwright's own browser, which it downloads where the internet is reachable.
 */
public final class Browsers {

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (browser == null) {
            playwright = Playwright.create();
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run",
                            // A generated microphone that needs no permission prompt, for recording in the browser.
                            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"));
            String configured = System.getenv("CHROMIUM_PATH");
            Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
            if (Files.isExecutable(path)) {
                options.setExecutablePath(path);
            }
            browser = playwright.chromium().launch(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close()));
        }
        return browser;
    }

    /** A fresh context (its own cookies, so its own session) with a desktop-sized window. */
    public static BrowserContext newContext() {
        return chromium().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    }

    /** A fresh desktop-sized context whose browser speaks Japanese (Accept-Language, navigator.language, time zone). */
    public static BrowserContext newJapaneseContext() {
        return chromium().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("ja-JP")
                .setTimezoneId("Asia/Tokyo"));
    }

    /** Signs in through the login view (in any language: by the fields' names) and waits for the app shell. */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
        page.locator("input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("vaadin-app-layout").waitFor();
    }

    public static void screenshot(Page page, String name) {
        try {
            Path dir = Path.of("docs", "screenshots");
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
