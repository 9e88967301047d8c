package org.switchboard.voice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The parties of a web-call test, each a page in a Chromium whose fake microphone plays its own tone
 * ({@link VoiceBrowsers#withTone}). A test class registers one as a static extension and asks it for a
 * page per party; the browsers last for the class (one per tone), the pages for one test.
 */
public final class VoiceParties implements AfterEachCallback, AfterAllCallback {

    private Playwright playwright;
    private final Map<Integer, Browser> browsers = new HashMap<>();
    private final List<BrowserContext> contexts = new ArrayList<>();

    /** A fresh page (its own cookies, so its own sign-in) whose microphone plays {@code hertz}. */
    public Page page(int hertz) {
        if (playwright == null) {
            playwright = Playwright.create();
        }
        BrowserContext context = browsers.computeIfAbsent(hertz, tone -> VoiceBrowsers.withTone(playwright, tone)).newContext();
        contexts.add(context);
        return context.newPage();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void afterAll(ExtensionContext tests) {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browsers.clear();
        }
    }
}
