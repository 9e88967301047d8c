package org.switchboard.productivity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.productivity.HistoryRows;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.productivity.AgentChoice;
import org.switchboard.productivity.DayActivity;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.UserSummary;

@SwitchboardTest
@ViewPackages(classes = WeekActivityView.class)
class WeekActivityViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    HistoryRows historyRows;
    @Autowired
    MutableClock clock;

    ActivityViewsFixture history;
    UserSummary agent;
    LocalDate monday;

    @BeforeEach
    void agentWithHistory() {
        history = new ActivityViewsFixture(historyRows, clock.getZone());
        monday = LocalDate.now(clock).with(DayOfWeek.MONDAY);
        agent = fixture.user(Role.AGENT);
        history.calls(agent, monday, "INBOUND_CALL", 2);
        history.calls(agent, monday, "DIRECT_CALL_OUT", 1);
        history.calls(agent, monday.minusDays(1), "DIRECT_CALL_IN", 3); // Sunday: last week
        history.calls(agent, monday.minusDays(6), "CAMPAIGN_CALL", 4); // last week's Tuesday
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @SuppressWarnings("unchecked")
    Grid<DayActivity> table() {
        return $(Grid.class).withId("week-table").single();
    }

    String footer(int column) {
        Grid<DayActivity> grid = table();
        return grid.getFooterRows().getFirst().getCell(grid.getColumns().get(column)).getText();
    }

    String chartData() {
        return $(WeekChart.class).single().getElement().getAttribute("data-chart");
    }

    @Test
    void thisWeekAsChartAndTableThenThePreviousWeek() {
        ActivityViewsFixture.signIn(agent);
        navigate(WeekActivityView.class);

        assertThat(ActivityViewsFixture.picker($(HorizontalLayout.class).first()).isVisible()).isFalse();
        assertThat(test(table()).size()).isEqualTo(7);
        assertThat(test(table()).getRow(0)).isEqualTo(new DayActivity(monday, 2, 0, 1));
        assertThat(footer(1)).isEqualTo("2");
        assertThat(footer(3)).isEqualTo("1");
        assertThat(chartData()).startsWith("{\"labels\":[\"" + english().shortDay(monday) + "\"")
                .contains("{\"label\":\"Queue calls you have answered\",\"data\":[2,0,0,0,0,0,0]}")
                .contains("{\"label\":\"Non-queue calls that you have made\",\"data\":[1,0,0,0,0,0,0]}");
        assertThat($(Button.class).withId("next-week").single().isEnabled()).isFalse();

        test($(Button.class).withId("previous-week").single()).click();
        assertThat($(DatePicker.class).withId("week-of").single().getValue()).isEqualTo(monday.minusWeeks(1));
        assertThat($(H2.class).withId("week-title").single().getText()).contains(english().date(monday.minusWeeks(1)));
        assertThat(test(table()).getRow(1)).isEqualTo(new DayActivity(monday.minusDays(6), 4, 0, 0));
        assertThat(test(table()).getRow(6)).isEqualTo(new DayActivity(monday.minusDays(1), 0, 3, 0));
        assertThat(footer(1)).isEqualTo("4");
        assertThat(footer(2)).isEqualTo("3");
        assertThat(chartData()).contains("{\"label\":\"Non-queue calls you have answered\",\"data\":[0,0,0,0,0,0,3]}");
        assertThat($(Button.class).withId("next-week").single().isEnabled()).isTrue();
        assertThat($(Anchor.class).withId("week-csv").single().getHref()).isNotBlank();
        assertThat(ActivityCsv.of(IntStream.range(0, 7).mapToObj(test(table())::getRow).toList()))
                .startsWith(ActivityCsv.HEADER + "\r\n" + monday.minusWeeks(1) + ",0,0,0\r\n" + monday.minusDays(6) + ",4,0,0\r\n")
                .endsWith(monday.minusDays(1) + ",0,3,0\r\n");

        test($(Button.class).withId("next-week").single()).click();
        assertThat(test(table()).getRow(0)).isEqualTo(new DayActivity(monday, 2, 0, 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorSwitchesBetweenItselfAndItsAgents() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary member = fixture.readyAgents(1, queue).getFirst();
        history.calls(member, monday, "DIRECT_CALL_IN", 6);
        UserSummary supervisor = fixture.user(Role.SUPERVISOR, Role.AGENT);
        fixture.supervise(queue, supervisor);
        ActivityViewsFixture.signIn(supervisor);
        navigate(WeekActivityView.class);
        ComboBox<AgentChoice> picker = ActivityViewsFixture.picker($(HorizontalLayout.class).first());
        assertThat(picker.isVisible()).isTrue();
        assertThat(picker.getValue().id()).isEqualTo(supervisor.id());
        assertThat(footer(2)).isEqualTo("0");

        test(picker).selectItem(member.displayName());
        assertThat(footer(2)).isEqualTo("6");
    }

    private static org.switchboard.common.Formats english() {
        return new org.switchboard.common.Formats(java.util.Locale.ENGLISH, java.time.ZoneId.systemDefault());
    }
}
