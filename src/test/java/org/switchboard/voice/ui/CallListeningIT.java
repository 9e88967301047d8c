package org.switchboard.voice.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.voice.VoiceBrowsers.heard;
import static org.switchboard.voice.VoiceBrowsers.waitHearing;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.Browsers;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.audit.AuditAction;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.VoiceBrowsers;
import org.switchboard.voice.VoiceParties;

/**
 * A supervisor listens to a web call and whispers to the agent from the queue's drill-down: three
 * Chromium instances, each with its own fake microphone (caller 440 Hz, agent 880 Hz, supervisor
 * 660 Hz). The agent's tab mixes both sides for the supervisor; the whisper reaches the agent only. The
 * media stays on loopback (see {@link VoiceBrowsers}).
 */
@SwitchboardBrowserTest
class CallListeningIT {

    static final int CALLER_TONE = 440;
    static final int AGENT_TONE = 880;
    static final int SUPERVISOR_TONE = 660;
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

    Page caller;
    Page agent;
    Page supervisor;
    QueueInfo queue;
    UserSummary agentUser;
    UserSummary supervisorUser;

    @BeforeEach
    void open() {
        queue = fixture.queue(QueueKind.CALL, 0, 0);
        agentUser = fixture.readyAgents(1, queue).getFirst();
        supervisorUser = fixture.user(Role.SUPERVISOR);
        fixture.supervise(queue, supervisorUser);
        caller = parties.page(CALLER_TONE);
        agent = parties.page(AGENT_TONE);
        supervisor = parties.page(SUPERVISOR_TONE);
    }

    String base() {
        return "http://localhost:" + port;
    }

    void button(String name) {
        supervisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
    }

    @Test
    void theSupervisorHearsBothSidesAndItsWhisperReachesTheAgentButNotTheCaller() throws Exception {
        java.nio.file.Path wav = java.nio.file.Files.createTempFile("recording", ".wav");
        java.nio.file.Files.write(wav, VoiceBrowsers.toneWav(RECORDING_TONE, 48_000, 6));
        String recording = RoutingFixture.unique("Terms");
        RoutingFixture.as(agentUser, () -> audio.create(new org.switchboard.audio.AudioMessageForm(recording, "", java.util.Set.of()), wav));
        Browsers.signIn(agent, base(), agentUser.username(), "password1");
        agent.navigate(base() + "/dashboard");
        caller.navigate(base() + "/call/" + QueueInfo.slugOf(queue.name()));
        caller.locator("#call-name input").fill("Grace");
        caller.locator("#call-start").click();
        agent.locator("#accept").click();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);
        waitHearing(agent, "sb-softphone", CALLER_TONE, true);

        Browsers.signIn(supervisor, base(), supervisorUser.username(), "password1");
        supervisor.navigate(base() + "/supervision/queue/" + queue.id());
        button("Listen to " + agentUser.displayName());
        assertThat(supervisor.locator("#listening-to")).hasText("Listening to " + agentUser.displayName());
        waitHearing(supervisor, "sb-listener", CALLER_TONE, true);
        waitHearing(supervisor, "sb-listener", AGENT_TONE, true);
        // One reading of the 660 Hz bin: the other two tones' leakage puts its floor near -75 dB, a heard tone is above -50.
        assertThat(heard(agent, "sb-softphone", SUPERVISOR_TONE)).as("nobody hears a listening supervisor").isLessThan(-65.0);

        button("Whisper to " + agentUser.displayName());
        assertThat(supervisor.locator("#listening-to")).containsText("Whispering to " + agentUser.displayName());
        waitHearing(agent, "sb-softphone", SUPERVISOR_TONE, true);
        waitHearing(supervisor, "sb-listener", CALLER_TONE, true);
        waitHearing(supervisor, "sb-listener", AGENT_TONE, true);
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);
        assertThat(heard(caller, "sb-caller-line", SUPERVISOR_TONE)).as("the caller never hears the whisper").isLessThan(VoiceBrowsers.SILENT);

        supervisor.locator("#stop-listening").click();
        waitHearing(agent, "sb-softphone", SUPERVISOR_TONE, false);
        assertThat(supervisor.locator("#listening-to")).isHidden();
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE actor_id = ? ORDER BY id").param(supervisorUser.id()).query(String.class).list())
                .containsExactly(AuditAction.CALL_LISTENED, AuditAction.CALL_WHISPERED);

        // Listening again: a recording the agent plays into the call is part of what the supervisor hears.
        button("Listen to " + agentUser.displayName());
        waitHearing(supervisor, "sb-listener", CALLER_TONE, true);
        VoiceBrowsers.playRecording(agent, recording, "#play-recording");
        waitHearing(caller, "sb-caller-line", RECORDING_TONE, true);
        waitHearing(supervisor, "sb-listener", RECORDING_TONE, true);
        agent.locator("#stop-recording").click();
        waitHearing(supervisor, "sb-listener", RECORDING_TONE, false);

        // The agent's tab is reloaded during the call: the supervisor listens again, on a new connection to the new page.
        supervisor.locator("sb-listener").evaluate("el => window.__before = el.pc");
        agent.reload();
        waitHearing(caller, "sb-caller-line", AGENT_TONE, true);
        supervisor.waitForFunction("() => { const el = document.querySelector('sb-listener'); return el.pc && el.pc !== window.__before; }");
        waitHearing(supervisor, "sb-listener", CALLER_TONE, true);
        waitHearing(supervisor, "sb-listener", AGENT_TONE, true);
        assertThat(supervisor.locator("#listening-to")).hasText("Listening to " + agentUser.displayName());

        // The call ends: the supervisor's listening ends with it.
        agent.locator("#end-call").click();
        assertThat(supervisor.locator("#listening-to")).isHidden();
    }
}
