package org.switchboard.productivity.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.switchboard.productivity.HistoryRows;
import org.switchboard.Browsers;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardBrowserTest;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

/** The productivity screens in a real Chromium: Chart.js from its webjar draws the week, and the CSV downloads. */
@SwitchboardBrowserTest
class ActivityIT {

    @LocalServerPort
    int port;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    HistoryRows historyRows;
    @Autowired
    MutableClock clock;

    BrowserContext context;
    Page page;
    UserSummary agent;
    LocalDate monday;

    @BeforeEach
    void agentWithAWeek() {
        agent = fixture.user(Role.AGENT);
        ActivityViewsFixture history = new ActivityViewsFixture(historyRows, clock.getZone());
        LocalDate today = LocalDate.now(clock);
        monday = today.with(DayOfWeek.MONDAY);
        for (LocalDate day = monday; !day.isAfter(today); day = day.plusDays(1)) {
            int n = day.getDayOfMonth() % 5;
            history.calls(agent, day, "INBOUND_CALL", 8 + n);
            history.calls(agent, day, "DIRECT_CALL_IN", 1 + n % 3);
            history.calls(agent, day, "DIRECT_CALL_OUT", 2 + n % 2);
        }
        history.calls(agent, today.minusDays(7), "INBOUND_CALL", 6);
        context = Browsers.newContext();
        page = context.newPage();
        Browsers.signIn(page, "http://localhost:" + port, agent.username(), "password1");
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theWeekIsDrawnAsAChartAndDownloadsAsCsv() throws IOException {
        page.navigate("http://localhost:" + port + "/activity/week");
        page.locator("sb-week-chart canvas").waitFor();
        page.waitForFunction("() => document.querySelector('sb-week-chart').chart !== undefined"
                + " && document.querySelector('sb-week-chart').chart !== null");
        int mondayQueueCalls = 8 + monday.getDayOfMonth() % 5;
        Object drawn = page.evaluate("() => document.querySelector('sb-week-chart').chart.data.datasets[0].data[0]");
        assertThat(((Number) drawn).intValue()).isEqualTo(mondayQueueCalls);
        assertThat(page.locator("#week-table")).containsText("Queue calls you have answered");
        Browsers.screenshot(page, "activity-week");

        Download download = page.waitForDownload(() -> page.locator("#week-csv").click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith(ActivityCsv.HEADER + "\r\n" + monday + "," + mondayQueueCalls + ",");
        assertThat(csv.lines()).hasSize(8);
    }

    @Test
    void todayBesideLastWeeksSameDay() {
        page.navigate("http://localhost:" + port + "/activity/today");
        LocalDate today = LocalDate.now(clock);
        assertThat(page.locator("#queue-calls-answered-today")).hasText(Integer.toString(8 + today.getDayOfMonth() % 5));
        // every screen writes dates one way in English, the picker too: year-month-day
        page.locator("#comparison-day input").fill(today.minusDays(7).toString());
        page.locator("#comparison-day input").press("Enter");
        assertThat(page.locator("#queue-calls-answered-comparison")).hasText("6");
        Browsers.screenshot(page, "activity-today");
    }
}
