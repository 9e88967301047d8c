package org.switchboard.audio.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSamples;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.dispatch.Sweeper;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

/**
 * In a real Chromium: an agent uploads a WAV the test generates, archives and unarchives it, then
 * plays it into a call with "Play recording and hang up" and sees the call end when it has finished.
 */
@SwitchboardBrowserTest
class AudioMessagesIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ContactService contacts;
    @Autowired
    AudioMessageService audio;
    @Autowired
    Sweeper sweeper;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    BrowserContext browser;
    Page page;
    QueueInfo queue;
    UserSummary agent;

    @BeforeEach
    void open() {
        // The browser plays in real time and the server ends the call by its clock: both run on real time.
        clock.tick();
        browser = Browsers.newContext();
        page = browser.newPage();
        queue = fixture.queue(QueueKind.CALL, 0, 30);
        agent = fixture.readyAgents(1, queue).getFirst();
    }

    @AfterEach
    void close() {
        clock.reset();
        browser.close();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Locator button(String label) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(label).setExact(true));
    }

    @Test
    void uploadArchiveUnarchiveThenPlayIntoACallAndHangUp() throws Exception {
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Settings")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Pre-recorded audio messages")).click();
        page.waitForURL(url -> url.endsWith("/settings/audio"));
        String name = RoutingFixture.unique("Goodbye tone");

        page.locator("#new-audio-message").click();
        page.locator("#audio-name input").fill(name);
        Path wav = Files.write(Files.createTempDirectory("it").resolve("goodbye.wav"), AudioSamples.wav(2000));
        FileChooser chooser = page.waitForFileChooser(() -> page.locator("#audio-upload vaadin-button").first().click());
        chooser.setFiles(wav);
        assertThat(page.locator("#audio-status")).hasText("New audio: WAV · 0:02 · 31 KB");
        Browsers.screenshot(page, "audio-new-message");
        button("Save").click();
        // Its row's actions name it; role queries skip the hidden copies the grid keeps of re-rendered cells.
        assertThat(button("Archive " + name)).hasCount(1);

        // Served with its type and HTTP Range support, to this signed-in browser only.
        AudioMessage stored = RoutingFixture.as(agent, () -> audio.library(false, name)).getFirst();
        APIResponse part = page.request().get(base() + stored.contentUrl(), RequestOptions.create().setHeader("Range", "bytes=0-43"));
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.headers().get("content-type")).startsWith("audio/wav");
        assertThat(part.headers().get("content-range")).isEqualTo("bytes 0-43/" + stored.sizeBytes());
        assertThat(part.body()).hasSize(44).startsWith('R', 'I', 'F', 'F');
        for (String impossible : new String[] {"bytes=99999999999-", "bytes=" + stored.sizeBytes() + "-", "bytes=-0"}) {
            APIResponse beyond = page.request().get(base() + stored.contentUrl(), RequestOptions.create().setHeader("Range", impossible));
            assertThat(beyond.status()).as(impossible).isEqualTo(416);
            assertThat(beyond.headers().get("content-range")).as(impossible).isEqualTo("bytes */" + stored.sizeBytes());
        }
        APIResponse anonymous = Browsers.newContext().request().get(base() + stored.contentUrl(),
                RequestOptions.create().setMaxRedirects(0));
        assertThat(anonymous.status()).as("no audio without signing in").isNotEqualTo(200);

        // Archive: it moves to the Archive tab; unarchive: back in Recordings.
        button("Archive " + name).click();
        assertThat(button("Archive " + name)).hasCount(0);
        assertThat(button("Unarchive " + name)).hasCount(0);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Archive")).click();
        assertThat(button("Unarchive " + name)).hasCount(1);
        button("Unarchive " + name).click();
        assertThat(button("Unarchive " + name)).hasCount(0);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Recordings")).click();
        assertThat(button("Archive " + name)).hasCount(1);
        Browsers.screenshot(page, "audio-library");

        // On a call: Show Recordings, choose it, play it and hang up.
        page.navigate(base() + "/dashboard");
        ContactView call = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Grace Hopper", "+1 555 0100")));
        page.locator("#accept").click();
        assertThat(page.locator("#call-title")).containsText("On call");
        page.locator("#show-recordings").click();
        page.getByLabel("Search recordings").fill(name);
        page.waitForFunction("() => document.querySelector('#recording-list').size === 1");
        page.locator("#recording-list").getByText(name).filter(new Locator.FilterOptions().setVisible(true)).click();
        assertThat(page.locator("#play-recording-and-hang-up")).isEnabled();
        long started = System.currentTimeMillis();
        page.locator("#play-recording-and-hang-up").click();
        assertThat(page.locator("#recording-playback")).containsText("Playing, then hanging up: " + name);
        // The browser plays it: the progress bar moves.
        page.waitForFunction("() => document.querySelector('sb-audio-playback progress').value > 0.2");
        Browsers.screenshot(page, "audio-playing-into-call");

        // The call ends when the recording has finished: not before, but at the next sweep after it.
        // The due time is the server's; on a slow machine the click may reach it well after `started`.
        java.time.Instant hangUpAt = jdbc.sql("SELECT hangup_at FROM contact WHERE id = ?").param(call.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(java.time.Duration.between(java.time.Instant.ofEpochMilli(started), hangUpAt).toMillis()).isGreaterThanOrEqualTo(1_900);
        if (java.time.Duration.between(clock.instant(), hangUpAt).toMillis() > 500) {
            sweeper.sweep();
            assertThat(page.locator("#call-title")).containsText("On call");
        }
        await().atMost(java.time.Duration.ofSeconds(10)).pollInSameThread().until(() -> {
            sweeper.sweep();
            return jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id = ? AND type = 'HUNG_UP_AFTER_RECORDING'")
                    .param(call.id()).query(Integer.class).single() > 0;
        });
        assertThat(page.locator("#wrap-up-title")).containsText("Wrap-up · Grace Hopper",
                new LocatorAssertions.ContainsTextOptions().setTimeout(5_000));
        assertThat(page.locator("#recording-playback")).isHidden();
        assertThat(jdbc.sql("SELECT type FROM contact_event WHERE contact_id = ? ORDER BY id").param(call.id())
                .query(String.class).list()).containsSubsequence("RECORDING_PLAYED", "HANGUP_SCHEDULED", "HUNG_UP_AFTER_RECORDING");
    }

    @Test
    void recordInTheBrowserListenAgainAndSave() {
        Browsers.signIn(page, base(), agent.username(), "password1");
        page.navigate(base() + "/settings/audio");
        String name = RoutingFixture.unique("Recorded");
        page.locator("#new-audio-message").click();
        page.locator("#audio-name input").fill(name);

        // The recorder's texts come from the server's bundle, in the screen's language.
        assertThat(page.locator("sb-audio-recorder vaadin-button.record")).hasText("Record");
        page.locator("sb-audio-recorder vaadin-button.record").click();
        assertThat(page.locator("sb-audio-recorder .status")).containsText("Recording 0:0");
        assertThat(page.locator("sb-audio-recorder .status")).containsText("Recording 0:02");
        page.locator("sb-audio-recorder vaadin-button.stop").click();
        // The browser's WebM (no Duration element) arrives and is measured from its blocks.
        assertThat(page.locator("#audio-status")).containsText("New audio: WEBM · 0:0");
        assertThat(page.locator("sb-audio-recorder audio")).isVisible();
        assertThat(page.locator("sb-audio-recorder vaadin-button.again")).isVisible();
        button("Save").click();
        assertThat(button("Archive " + name)).hasCount(1);

        AudioMessage stored = RoutingFixture.as(agent, () -> audio.library(false, name)).getFirst();
        assertThat(stored.format()).isEqualTo(org.switchboard.audio.AudioFormat.WEBM);
        assertThat(stored.duration()).isBetween(java.time.Duration.ofMillis(1_800), java.time.Duration.ofMillis(4_000));
        System.out.println("Recorded in the browser: " + stored.duration().toMillis() + " ms, " + stored.sizeBytes() + " bytes");
    }
}
