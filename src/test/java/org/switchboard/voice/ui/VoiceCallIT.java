package org.switchboard.voice.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.voice.VoiceBrowsers.heard;
import static org.switchboard.voice.VoiceBrowsers.inboundBytes;
import static org.switchboard.voice.VoiceBrowsers.waitHearing;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.Browsers;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.VoiceBrowsers;
import org.switchboard.voice.VoiceParties;

/**
 * A customer calls from the caller page and an agent answers on the dashboard, each in its own
 * Chromium with its own fake microphone: 440 Hz at the caller, 880 Hz at the agent. What each side
 * hears is read from its line's WebAudio analyser; the media stays on loopback (see {@link VoiceBrowsers}).
 */
@SwitchboardBrowserTest
class VoiceCallIT {

    static final int CALLER_TONE = 440;
    static final int AGENT_TONE = 880;
    /** The lowest note of the built-in hold music. */
    static final double HOLD_TONE = 523.25;
    static final int RECORDING_TONE = 600;

    @RegisterExtension
    static final VoiceParties parties = new VoiceParties();

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.switchboard.audio.AudioMessageService audio;
    @Autowired
    org.switchboard.voice.VoiceService voice;
    @Autowired
    org.switchboard.dispatch.Sweeper sweeper;
    @Autowired
    org.switchboard.MutableClock clock;

    Page caller;
    Page agent;
    QueueInfo queue;
    UserSummary agentUser;

    @BeforeEach
    void open() {
        queue = fixture.queue(QueueKind.CALL, 0, 0);
        agentUser = fixture.readyAgents(1, queue).getFirst();
        caller = parties.page(CALLER_TONE);
        agent = parties.page(AGENT_TONE);
    }

    @AfterEach
    void close() {
        clock.reset();
    }

    String base() {
        return "http://localhost:" + port;
    }

    void callerCalls(String name) {
        caller.navigate(base() + "/call/" + QueueInfo.slugOf(queue.name()));
        assertThat(caller.locator("h1")).hasText("Call " + queue.name());
        caller.locator("#call-name input").fill(name);
        caller.locator("#call-start").click();
        assertThat(caller.locator("#call-status")).containsText("Waiting for an agent");
    }

    void agentAnswers() {
        assertThat(agent.locator("#accept")).isVisible();
        agent.locator("#accept").click();
        assertThat(agent.locator("#call-title")).containsText("On call");
        assertThat(caller.locator("#call-status")).hasText("Connected");
    }

    @Test
    void theCallerWaitsWithHoldMusicThenBothHearEachOtherAndMuteHoldReloadAndEndWork() {
        Browsers.signIn(agent, base(), agentUser.username(), "password1");
        agent.navigate(base() + "/dashboard");
        callerCalls("Grace");
        waitHearing(caller, "sb-caller-line", HOLD_TONE, true);

        agentAnswers();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);
        waitHearing(agent, "sb-softphone", CALLER_TONE, true);
        assertThat(heard(caller, "sb-caller-line", HOLD_TONE)).as("hold music stops once the agent is there").isLessThan(VoiceBrowsers.SILENT);
        long received = inboundBytes(caller, "sb-caller-line");
        caller.waitForFunction("b => document.querySelector('sb-caller-line').inboundBytes().then(now => now > b + 2000)", (double) received);

        agent.locator("#mute").click();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, false);
        waitHearing(agent, "sb-softphone", CALLER_TONE, true);
        agent.locator("#mute").click();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);

        agent.locator("#hold").click();
        waitHearing(caller, "sb-caller-line", HOLD_TONE, true);
        waitHearing(caller, "sb-caller-line", AGENT_TONE, false);
        agent.locator("#hold").click();
        waitHearing(caller, "sb-caller-line", HOLD_TONE, false);
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);

        // A reload of the agent's tab: a new offer and answer bring the audio back, the call goes on.
        agent.reload();
        assertThat(agent.locator("#call-title")).containsText("On call");
        waitHearing(agent, "sb-softphone", CALLER_TONE, true);
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);
        assertThat(caller.locator("#call-status")).hasText("Connected");

        agent.locator("#end-call").click();
        assertThat(caller.locator("#call-status")).containsText("The call has ended");
        assertThat(agent.locator("#wrap-up-title")).isVisible();
    }

    @Test
    void theCallerHangsUpWhileConnectedAndTheAgentGoesToWrapUp() {
        Browsers.signIn(agent, base(), agentUser.username(), "password1");
        agent.navigate(base() + "/dashboard");
        callerCalls("Ada");
        agentAnswers();
        waitHearing(agent, "sb-softphone", CALLER_TONE, true);

        caller.locator("#call-hang-up").click();
        assertThat(caller.locator("#call-status")).containsText("The call has ended");
        assertThat(agent.locator("#wrap-up-title")).isVisible();
    }

    @Test
    void aRecordingPlayedIntoTheCallIsHeardByTheCallerThenPlayAndHangUpEndsBothPages() throws Exception {
        java.nio.file.Path wav = java.nio.file.Files.createTempFile("recording", ".wav");
        java.nio.file.Files.write(wav, VoiceBrowsers.toneWav(RECORDING_TONE, 48_000, 6));
        String name = RoutingFixture.unique("Terms");
        RoutingFixture.as(agentUser, () -> audio.create(new org.switchboard.audio.AudioMessageForm(name, "", java.util.Set.of()), wav));
        Browsers.signIn(agent, base(), agentUser.username(), "password1");
        agent.navigate(base() + "/dashboard");
        callerCalls("Margaret");
        agentAnswers();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);

        VoiceBrowsers.playRecording(agent, name, "#play-recording");
        waitHearing(caller, "sb-caller-line", RECORDING_TONE, true);
        // The agent hears it too, at a third of the level (about -50 dBFS here, where the caller's is about -40).
        assertThat(heard(agent, "sb-softphone", RECORDING_TONE)).isGreaterThan(VoiceBrowsers.SILENT);
        agent.locator("#stop-recording").click();
        waitHearing(caller, "sb-caller-line", RECORDING_TONE, false);

        VoiceBrowsers.playRecording(agent, name, "#play-recording-and-hang-up");
        waitHearing(caller, "sb-caller-line", RECORDING_TONE, true);
        long contactId = jdbc.sql("SELECT id FROM contact WHERE queue_id = ?").param(queue.id()).query(Long.class).single();
        java.time.Instant hangUpAt = jdbc.sql("SELECT hangup_at FROM contact WHERE id = ?").param(contactId)
                .query(java.sql.Timestamp.class).single().toInstant();
        // Tests run the timers themselves: once the caller has heard it all, the sweep at its end hangs up.
        agent.waitForTimeout(Math.max(0, java.time.Duration.between(clock.instant(), hangUpAt).toMillis() + 100));
        clock.set(hangUpAt);
        sweeper.sweep();
        assertThat(caller.locator("#call-status")).containsText("The call has ended");
        assertThat(agent.locator("#wrap-up-title")).isVisible();
    }

    @Test
    void theQueuesRecordedHoldMusicIsWhatTheWaitingCallerHears() throws Exception {
        UserSummary admin = fixture.user(org.switchboard.security.Role.ADMIN);
        java.nio.file.Path wav = java.nio.file.Files.createTempFile("hold", ".wav");
        java.nio.file.Files.write(wav, VoiceBrowsers.toneWav(700, 48_000, 3));
        long recording = RoutingFixture.as(admin, () -> audio.create(new org.switchboard.audio.AudioMessageForm(
                RoutingFixture.unique("Hold"), "", java.util.Set.of()), wav)).id();
        RoutingFixture.as(admin, () -> voice.setHoldMusic(queue.id(), recording));

        callerCalls("Barbara");
        waitHearing(caller, "sb-caller-line", 700, true);
        assertThat(heard(caller, "sb-caller-line", HOLD_TONE)).as("not the built-in tone").isLessThan(VoiceBrowsers.HEARD);
    }

    @Test
    void aDeniedMicrophonePlacesNoCall() {
        caller.addInitScript("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));");
        caller.navigate(base() + "/call/" + QueueInfo.slugOf(queue.name()));
        caller.locator("#call-name input").fill("Linus");
        caller.locator("#call-start").click();
        assertThat(caller.locator("#call-problem")).containsText("Microphone access was denied");
        assertThat(caller.locator("#call-status")).isHidden();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE queue_id = ?").param(queue.id()).query(Long.class).single()).isZero();
    }

    @Test
    void closingTheCallerTabWhileWaitingAbandonsTheCall() {
        callerCalls("Edsger");
        long contactId = jdbc.sql("SELECT id FROM contact WHERE queue_id = ?").param(queue.id()).query(Long.class).single();
        caller.close(new Page.CloseOptions().setRunBeforeUnload(true));
        agent.waitForCondition(() -> "ABANDONED".equals(jdbc.sql("SELECT outcome FROM contact WHERE id = ?").param(contactId)
                .query(String.class).optional().orElse(null)), new Page.WaitForConditionOptions().setTimeout(15_000));
    }
}
