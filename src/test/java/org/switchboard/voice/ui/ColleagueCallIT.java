package org.switchboard.voice.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.voice.VoiceBrowsers.inboundBytes;
import static org.switchboard.voice.VoiceBrowsers.waitHearing;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.Browsers;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.productivity.DayActivity;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;
import org.switchboard.voice.VoiceBrowsers;
import org.switchboard.voice.VoiceParties;

/**
 * One agent dials a colleague's line from the dashboard and the colleague answers on its own
 * dashboard, each in its own Chromium with its own fake microphone (440 Hz at the caller, 880 Hz at the
 * callee); the media stays on loopback (see {@link VoiceBrowsers}).
 */
@SwitchboardBrowserTest
class ColleagueCallIT {

    static final int CALLER_TONE = 440;
    static final int CALLEE_TONE = 880;

    @RegisterExtension
    static final VoiceParties parties = new VoiceParties();

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    ProductivityService productivity;

    Page caller;
    Page callee;
    UserSummary callerUser;
    UserSummary calleeUser;
    String calleeLine;

    @BeforeEach
    void open() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        var agents = fixture.readyAgents(2, queue);
        callerUser = agents.get(0);
        calleeUser = agents.get(1);
        calleeLine = RoutingFixture.uniqueLine();
        fixture.giveLines(calleeUser, calleeLine);
        caller = parties.page(CALLER_TONE);
        callee = parties.page(CALLEE_TONE);
    }

    String base() {
        return "http://localhost:" + port;
    }

    DayActivity today(UserSummary agent) {
        return SystemUser.call(() -> productivity.today(agent.id(), productivity.currentDay())).today();
    }

    @Test
    void anAgentCallsAColleaguesLineAndBothHearEachOtherUntilOneHangsUp() {
        Browsers.signIn(caller, base(), callerUser.username(), "password1");
        caller.navigate(base() + "/dashboard");
        Browsers.signIn(callee, base(), calleeUser.username(), "password1");
        callee.navigate(base() + "/dashboard");

        caller.locator("#dial-number input").fill(calleeLine);
        caller.locator("#dial").click();
        assertThat(caller.locator("#call-title")).containsText("Ringing " + calleeUser.displayName());
        assertThat(caller.locator("#call-route")).isHidden();
        assertThat(callee.locator("#offer-title")).containsText("Direct call");
        callee.locator("#accept").click();
        assertThat(callee.locator("#call-title")).containsText("On call");
        assertThat(caller.locator("#call-title")).containsText("On call");

        waitHearing(caller, "sb-softphone", CALLEE_TONE, true);
        waitHearing(callee, "sb-softphone", CALLER_TONE, true);
        long received = inboundBytes(callee, "sb-softphone");
        callee.waitForFunction("b => document.querySelector('sb-softphone').inboundBytes().then(now => now > b + 2000)", (double) received);
        received = inboundBytes(caller, "sb-softphone");
        caller.waitForFunction("b => document.querySelector('sb-softphone').inboundBytes().then(now => now > b + 2000)", (double) received);

        // The callee's reload: its softphone offers anew, the caller's answers, the call goes on.
        callee.reload();
        assertThat(callee.locator("#call-title")).containsText("On call");
        waitHearing(callee, "sb-softphone", CALLER_TONE, true);
        waitHearing(caller, "sb-softphone", CALLEE_TONE, true);

        caller.locator("#end-call").click();
        assertThat(callee.locator("#dial")).isVisible();
        assertThat(caller.locator("#dial")).isVisible();
        assertThat(today(callerUser).nonQueueCallsMade()).isEqualTo(1);
        assertThat(today(calleeUser).nonQueueCallsAnswered()).isEqualTo(1);
    }

    @Test
    void aNumberThatIsNoExtensionIsPlacedByThePhoneSystemAndThePanelSaysSo() {
        Browsers.signIn(caller, base(), callerUser.username(), "password1");
        caller.navigate(base() + "/dashboard");

        caller.locator("#dial-number input").fill("+1 555 0102");
        caller.locator("#dial").click();

        assertThat(caller.locator("#call-route")).hasText("No extension: the phone system places this call.");
        caller.locator("#end-call").click();
        assertThat(caller.locator("#dial")).isVisible();
    }
}
