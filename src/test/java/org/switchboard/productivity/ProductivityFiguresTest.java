package org.switchboard.productivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.switchboard.RoutingFixture.as;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactFigures;
import org.switchboard.contact.ContactService;
import org.switchboard.contact.ContactType;
import org.switchboard.contact.ContactView;
import org.switchboard.contact.NewContact;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserSummary;

/**
 * The figures against a small fixed history whose answers are counted by hand. The zone is Tokyo
 * (UTC+9), unlike the test JVM's, so a day bucketed by UTC or by the JVM's zone shows up as wrong
 * figures; the week runs from Monday 29 September to Sunday 5 October 2025, across a month end.
 */
@SwitchboardTest
class ProductivityFiguresTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Saturday 4 October 2025, noon in Tokyo. */
    static final Instant NOW = LocalDateTime.of(2025, 10, 4, 12, 0).atZone(TOKYO).toInstant();

    @Autowired
    ContactFigures figures;
    @Autowired
    QueueService queues;
    @Autowired
    UserNames names;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    HistoryRows historyRows;
    @Autowired
    ContactService contacts;
    @Autowired
    MutableClock clock;

    ProductivityService tokyo;
    UserSummary agent;
    UserSummary otherAgent;
    QueueInfo calls;
    QueueInfo campaign;
    QueueInfo chats;

    /**
     * As the user, in a read-only transaction as the service's own proxy would open: the tests build the
     * service with their own clocks, without Spring's proxy.
     */
    private <T> T readAs(UserSummary user, Supplier<T> work) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return RoutingFixture.as(user, () -> readOnly.execute(status -> work.get()));
    }

    @BeforeEach
    void history() {
        tokyo = new ProductivityService(figures, queues, names, Clock.fixed(NOW, TOKYO));
        agent = fixture.user(Role.AGENT);
        otherAgent = fixture.user(Role.AGENT);
        calls = fixture.queue(QueueKind.CALL, 0, 0);
        campaign = fixture.queue(QueueKind.CAMPAIGN, 0, 0);
        chats = fixture.queue(QueueKind.CHAT, 0, 0);
        long a = agent.id();

        // Sunday 28 Sep, the last millisecond: the comparison day, outside the week.
        answered("INBOUND_CALL", calls, a, at(9, 28, 23, 50, 0), at(9, 28, 23, 59, 59.999));
        // Monday 29 Sep: the week's first millisecond, and a call the agent made.
        answered("INBOUND_CALL", calls, a, at(9, 28, 23, 59, 0), at(9, 29, 0, 0, 0));
        answered("DIRECT_CALL_OUT", null, a, at(9, 29, 8, 0, 0), at(9, 29, 8, 0, 0));
        // Tuesday 30 Sep: the last millisecond before midnight in Tokyo (15:00 UTC).
        answered("INBOUND_CALL", calls, a, at(9, 30, 23, 59, 0), at(9, 30, 23, 59, 59.999));
        // Wednesday 1 Oct (still 30 Sep in UTC until 09:00): four queue calls of three kinds ...
        answered("INBOUND_CALL", calls, a, at(9, 30, 23, 59, 50), at(10, 1, 0, 0, 0));
        answered("CALLBACK_REQUEST", calls, a, at(10, 1, 9, 0, 0), at(10, 1, 10, 0, 0)); // never reached: still taken
        answered("CAMPAIGN_CALL", campaign, a, at(10, 1, 11, 0, 0), at(10, 1, 11, 0, 5));
        answered("INBOUND_CALL", calls, a, at(9, 30, 23, 58, 0), at(10, 1, 0, 0, 30)); // created the day before
        // ... one direct call answered, one made, and what never counts:
        answered("DIRECT_CALL_IN", null, a, at(10, 1, 9, 0, 0), at(10, 1, 9, 0, 4));
        answered("DIRECT_CALL_OUT", null, a, at(10, 1, 12, 0, 0), at(10, 1, 12, 0, 0));
        answered("CHAT", chats, a, at(10, 1, 13, 0, 0), at(10, 1, 13, 0, 10)); // a chat is no call
        answered("DIRECT_CALL_IN", null, a, at(10, 1, 14, 0, 0), null); // missed
        answered("INBOUND_CALL", calls, a, at(10, 1, 15, 0, 0), null); // offered to the agent, abandoned
        answered("INBOUND_CALL", calls, null, at(10, 1, 15, 5, 0), null); // abandoned in the queue
        answered("INBOUND_CALL", calls, otherAgent.id(), at(10, 1, 15, 0, 0), at(10, 1, 15, 0, 9)); // someone else's
        answered("DIRECT_CALL_OUT", null, otherAgent.id(), at(10, 1, 15, 0, 0), at(10, 1, 15, 0, 0));
        // Saturday 4 Oct, today: one queue call and one direct call, both before noon.
        answered("INBOUND_CALL", calls, a, at(10, 4, 8, 0, 0), at(10, 4, 8, 0, 7));
        answered("DIRECT_CALL_IN", null, a, at(10, 4, 9, 30, 0), at(10, 4, 9, 30, 3));
    }

    @Test
    void weekAcrossTheMonthEndCountsEachCallOnItsDayInTheZone() {
        WeekActivity week = readAs(agent, () -> tokyo.week(agent.id(), LocalDate.of(2025, 10, 2)));

        assertThat(week.firstDay()).isEqualTo(LocalDate.of(2025, 9, 29));
        assertThat(week.lastDay()).isEqualTo(LocalDate.of(2025, 10, 5));
        assertThat(week.days()).containsExactly(
                new DayActivity(LocalDate.of(2025, 9, 29), 1, 0, 1),
                new DayActivity(LocalDate.of(2025, 9, 30), 1, 0, 0),
                new DayActivity(LocalDate.of(2025, 10, 1), 4, 1, 1),
                new DayActivity(LocalDate.of(2025, 10, 2), 0, 0, 0),
                new DayActivity(LocalDate.of(2025, 10, 3), 0, 0, 0),
                new DayActivity(LocalDate.of(2025, 10, 4), 1, 1, 0),
                new DayActivity(LocalDate.of(2025, 10, 5), 0, 0, 0));
        assertThat(week.total()).isEqualTo(new DayActivity(LocalDate.of(2025, 9, 29), 7, 2, 2));
    }

    @Test
    void todayBesideAComparisonDayAcrossTheMidnightBoundary() {
        TodayActivity sunday = readAs(agent, () -> tokyo.today(agent.id(), LocalDate.of(2025, 9, 28)));
        assertThat(sunday.today()).isEqualTo(new DayActivity(LocalDate.of(2025, 10, 4), 1, 1, 0));
        assertThat(sunday.comparison()).isEqualTo(new DayActivity(LocalDate.of(2025, 9, 28), 1, 0, 0));

        TodayActivity wednesday = readAs(agent, () -> tokyo.today(agent.id(), LocalDate.of(2025, 10, 1)));
        assertThat(wednesday.comparison()).isEqualTo(new DayActivity(LocalDate.of(2025, 10, 1), 4, 1, 1));

        TodayActivity quietDay = readAs(agent, () -> tokyo.today(agent.id(), LocalDate.of(2025, 10, 3)));
        assertThat(quietDay.comparison()).isEqualTo(DayActivity.none(LocalDate.of(2025, 10, 3)));
    }

    @Test
    void theSameHistoryIsAnotherAgentsOnlyForItsOwnCalls() {
        WeekActivity week = readAs(otherAgent, () -> tokyo.week(otherAgent.id(), LocalDate.of(2025, 9, 29)));
        assertThat(week.total()).isEqualTo(new DayActivity(LocalDate.of(2025, 9, 29), 1, 0, 1));
        assertThat(week.days().get(2)).isEqualTo(new DayActivity(LocalDate.of(2025, 10, 1), 1, 0, 1));
    }

    @Test
    void futureDaysAndWeeksAreRefused() {
        assertThatThrownBy(() -> readAs(agent, () -> tokyo.today(agent.id(), LocalDate.of(2025, 10, 5))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("future");
        assertThatThrownBy(() -> readAs(agent, () -> tokyo.today(agent.id(), null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> readAs(agent, () -> tokyo.week(agent.id(), LocalDate.of(2025, 10, 6))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("future");
    }

    /** New York falls back on Sunday 2 November 2025: that day has 25 hours, and its last one still counts for it. */
    @Test
    void aDaylightSavingDayKeepsItsExtraHour() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ProductivityService service = new ProductivityService(figures, queues, names,
                Clock.fixed(LocalDateTime.of(2025, 11, 5, 12, 0).atZone(newYork).toInstant(), newYork));
        Instant lateSunday = LocalDateTime.of(2025, 11, 2, 23, 30).atZone(newYork).toInstant(); // 04:30 UTC on Monday
        Instant earlyMonday = LocalDateTime.of(2025, 11, 3, 0, 30).atZone(newYork).toInstant();
        historyRows.contact("DIRECT_CALL_OUT", null, agent.id(), lateSunday, lateSunday);
        historyRows.contact("DIRECT_CALL_OUT", null, agent.id(), earlyMonday, earlyMonday);

        WeekActivity week = readAs(agent, () -> service.week(agent.id(), LocalDate.of(2025, 11, 2)));
        assertThat(week.firstDay()).isEqualTo(LocalDate.of(2025, 10, 27));
        assertThat(week.days().getLast()).isEqualTo(new DayActivity(LocalDate.of(2025, 11, 2), 0, 0, 1));
        assertThat(week.total().nonQueueCallsMade()).isEqualTo(1);
        assertThat(readAs(agent, () -> service.today(agent.id(), LocalDate.of(2025, 11, 3))).comparison())
                .isEqualTo(new DayActivity(LocalDate.of(2025, 11, 3), 0, 0, 1));
    }

    /** What the live services write counts as the definitions say: accept, dial, accept a direct call. */
    @Test
    void callsTakenThroughTheServicesCountToday() {
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 0);
        UserSummary live = fixture.readyAgents(1, queue).getFirst();
        ProductivityService service = new ProductivityService(figures, queues, names, clock);
        LocalDate today = LocalDate.now(clock);
        assertThat(readAs(live, () -> service.today(live.id(), today)).today()).isEqualTo(DayActivity.none(today));

        ContactView offered = SystemUser.call(() -> contacts.create(new NewContact(queue.name(), ContactType.INBOUND_CALL,
                Channel.VOICE, "Ada", "+1 555 0101")));
        as(live, () -> contacts.accept(live.id(), offered.id()));
        as(live, () -> contacts.end(live.id(), offered.id()));
        as(live, () -> contacts.endWrapUp(live.id()));
        ContactView dialed = as(live, () -> contacts.callOut(live.id(), "+1 555 0102"));
        as(live, () -> contacts.end(live.id(), dialed.id()));
        ContactView direct = SystemUser.call(() -> contacts.callIn(live.id(), "+1 555 0103", "Grace"));
        as(live, () -> contacts.accept(live.id(), direct.id()));
        SystemUser.call(() -> contacts.callIn(live.id(), "+1 555 0104", "Missed while busy"));

        assertThat(readAs(live, () -> service.today(live.id(), today)).today()).isEqualTo(new DayActivity(today, 1, 1, 1));
    }

    private static Instant at(int month, int day, int hour, int minute, double second) {
        int whole = (int) second;
        int millis = (int) Math.round((second - whole) * 1000);
        return LocalDateTime.of(2025, month, day, hour, minute, whole, millis * 1_000_000).atZone(TOKYO).toInstant();
    }

    private void answered(String type, QueueInfo queue, Long agentId, Instant created, Instant answeredAt) {
        historyRows.contact(type, queue == null ? null : queue.id(), agentId, created, answeredAt);
    }
}
