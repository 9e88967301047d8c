package org.switchboard.productivity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.switchboard.productivity.HistoryRows;
import org.switchboard.MutableClock;
import org.switchboard.PushedChanges;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.productivity.AgentChoice;
import org.switchboard.productivity.DayActivity;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserSummary;

@SwitchboardTest
@ViewPackages(classes = TodayActivityView.class)
class TodayActivityViewTest extends SpringBrowserlessTest {

    @Autowired
    RoutingFixture fixture;
    @Autowired
    HistoryRows historyRows;
    @Autowired
    MutableClock clock;
    @Autowired
    ContactService contacts;

    ActivityViewsFixture history;
    UserSummary agent;
    LocalDate today;

    @BeforeEach
    void agentWithHistory() {
        history = new ActivityViewsFixture(historyRows, clock.getZone());
        today = LocalDate.now(clock);
        agent = fixture.user(Role.AGENT);
        history.calls(agent, today, "INBOUND_CALL", 3);
        history.calls(agent, today, "DIRECT_CALL_IN", 1);
        history.calls(agent, today.minusDays(1), "DIRECT_CALL_OUT", 2);
        history.calls(agent, today.minusDays(7), "CALLBACK_REQUEST", 5);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    String figure(String id) {
        return $(Span.class).withId(id).single().getText();
    }

    @Test
    void todayBesideYesterdayThenAnotherDay() {
        ActivityViewsFixture.signIn(agent);
        navigate(TodayActivityView.class);

        assertThat(ActivityViewsFixture.picker($(HorizontalLayout.class).first()).isVisible()).isFalse();
        assertThat(figure("queue-calls-answered-today")).isEqualTo("3");
        assertThat(figure("non-queue-calls-answered-today")).isEqualTo("1");
        assertThat(figure("non-queue-calls-made-today")).isEqualTo("0");
        assertThat(figure("queue-calls-answered-comparison")).isEqualTo("0");
        assertThat(figure("non-queue-calls-made-comparison")).isEqualTo("2");

        DatePicker comparison = $(DatePicker.class).withId("comparison-day").single();
        test(comparison).setValue(today.minusDays(7));
        assertThat(figure("queue-calls-answered-comparison")).isEqualTo("5");
        assertThat(figure("non-queue-calls-made-comparison")).isEqualTo("0");
        assertThat(figure("queue-calls-answered-today")).isEqualTo("3");

        Anchor csv = $(Anchor.class).withId("today-csv").single();
        assertThat(csv.getHref()).isNotBlank();
        assertThat(csv.isEnabled()).isTrue();
        assertThat(ActivityCsv.of(List.of(new DayActivity(today, 3, 1, 0), new DayActivity(today.minusDays(7), 5, 0, 0))))
                .isEqualTo(ActivityCsv.HEADER + "\r\n" + today + ",3,1,0\r\n" + today.minusDays(7) + ",5,0,0\r\n");
    }

    @Test
    void aFutureComparisonDayIsRefusedWithAMessage() {
        ActivityViewsFixture.signIn(agent);
        navigate(TodayActivityView.class);

        $(DatePicker.class).withId("comparison-day").single().setValue(today.plusDays(1));
        Div error = $(Div.class).withClassName("form-error").single();
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("future");
        assertThat($(Anchor.class).withId("today-csv").single().isEnabled()).isFalse();
        assertThat(figure("queue-calls-answered-today")).isEqualTo("3");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorPicksOneOfItsAgents() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary member = fixture.readyAgents(1, queue).getFirst();
        history.calls(member, today, "DIRECT_CALL_OUT", 4);
        UserSummary supervisor = fixture.user(Role.SUPERVISOR);
        fixture.supervise(queue, supervisor);
        ActivityViewsFixture.signIn(supervisor);
        navigate(TodayActivityView.class);
        ComboBox<AgentChoice> picker = ActivityViewsFixture.picker($(HorizontalLayout.class).first());
        assertThat(picker.isVisible()).isFalse(); // one agent only: no choice to make
        assertThat(picker.getValue().id()).isEqualTo(member.id());
        assertThat(figure("non-queue-calls-made-today")).isEqualTo("4");
    }

    @Test
    void todaysFiguresFollowTheAgentsCallsLive() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary live = fixture.readyAgents(1, queue).getFirst();
        ActivityViewsFixture.signIn(live);
        navigate(TodayActivityView.class);
        assertThat(figure("queue-calls-answered-today")).isEqualTo("0");

        ContactView offered = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada", "+1 555 0101")));
        RoutingFixture.as(live, () -> contacts.accept(live.id(), offered.id()));

        PushedChanges.await(() -> roundTrip(), () -> figure("queue-calls-answered-today").equals("1"));
        assertThat(figure("non-queue-calls-made-today")).isEqualTo("0");
    }

    @Test
    void aSupervisorWithoutAgentsIsToldSo() {
        ActivityViewsFixture.signIn(fixture.user(Role.SUPERVISOR));
        navigate(TodayActivityView.class);

        assertThat($(Div.class).withClassName("form-error").single().getText()).contains("no agents");
    }
}
