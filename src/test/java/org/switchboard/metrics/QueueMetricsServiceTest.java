package org.switchboard.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.MutableClock;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardTest;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.security.Role;
import org.switchboard.security.SystemUser;

/** The card figures computed by hand for a small fixed history, including yesterday's contacts that must not count. */
@SwitchboardTest
class QueueMetricsServiceTest {

    @Autowired
    QueueMetricsService metrics;
    @Autowired
    RoutingFixture fixture;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Inserts an ended or waiting call; offsets are seconds after 10:00 today. */
    void call(QueueInfo queue, String state, String outcome, Integer created, Integer answered, Integer ended, Integer wrapEnded, Long agent) {
        Instant base = LocalDate.now(clock).atTime(10, 0).atZone(clock.getZone()).toInstant();
        transaction.executeWithoutResult(tx -> jdbc.sql("""
                INSERT INTO contact (type, channel, queue_id, state, outcome, agent_id, created_at, queued_at, answered_at,
                                     connected_at, ended_at, wrap_up_ended_at, closed_at)
                VALUES ('INBOUND_CALL', 'VOICE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(queue.id(), state, outcome, agent, at(base, created), at(base, created), at(base, answered),
                        at(base, answered), at(base, ended), at(base, wrapEnded),
                        "ENDED".equals(state) ? at(base, wrapEnded != null ? wrapEnded : ended) : null)
                .update());
    }

    static Timestamp at(Instant base, Integer offset) {
        return offset == null ? null : Timestamp.from(base.plusSeconds(offset));
    }

    @Test
    void callQueueFiguresMatchTheirDefinitions() {
        clock.set(LocalDate.now(ZoneId.systemDefault()).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30); // service-level threshold 20 s
        long agent = fixture.user(Role.AGENT).id();
        // Handled: answered after 10 s (within 20), talk 100 s, wrap-up 20 s -> handle 120 s.
        call(queue, "ENDED", "HANDLED", 0, 10, 110, 130, agent);
        // Handled: answered after 30 s (not within), handle 60 s.
        call(queue, "ENDED", "HANDLED", 0, 30, 80, 90, agent);
        // Abandoned after 5 s: left out of the service level. Abandoned after 40 s: counts against it.
        call(queue, "ENDED", "ABANDONED", 0, null, 5, null, null);
        call(queue, "ENDED", "ABANDONED", 0, null, 40, null, null);
        // Timed out.
        call(queue, "ENDED", "TIMED_OUT", 0, null, 600, null, null);
        // Waiting since 11:50 (10 min before "now").
        call(queue, "QUEUED", null, 6600, null, null, null, null);
        // Yesterday: counts nowhere today.
        call(queue, "ENDED", "HANDLED", -86_400, -86_390, -86_300, -86_280, agent);

        QueueMetrics m = SystemUser.call(() -> metrics.metrics(queue.id()));
        assertThat(m.now().waiting()).isEqualTo(1);
        assertThat(m.now().longestWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(m.today().total()).isEqualTo(6);
        assertThat(List.of(m.today().handled(), m.today().abandoned(), m.today().timedOut())).containsExactly(2, 2, 1);
        assertThat(m.today().averageHandle()).isEqualTo(Duration.ofSeconds(90));
        // within threshold 1 / (answered 2 + abandoned after threshold 1 + timed out 1)
        assertThat(m.today().serviceLevel()).isEqualTo(0.25);
        assertThat(m.today().averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(20));
        assertThat(m.today().abandonRate()).isEqualTo(0.4);
        assertThat(m.now().agentsLoggedIn()).isZero();
    }

    @Test
    void todayByHourCountsArrivalsPerLocalHourByOutcomeUpToTheCurrentHour() {
        clock.set(LocalDate.now(ZoneId.systemDefault()).atTime(12, 30).atZone(ZoneId.systemDefault()).toInstant());
        QueueInfo queue = fixture.queue(QueueKind.CALL, 0, 30);
        long agent = fixture.user(Role.AGENT).id();
        // Offsets are seconds after 10:00: two calls at 10:00 (handled, abandoned), one at 11:59 (timed out),
        // one waiting since 12:10, and one from yesterday that counts nowhere.
        call(queue, "ENDED", "HANDLED", 0, 10, 110, 130, agent);
        call(queue, "ENDED", "ABANDONED", 60, null, 90, null, null);
        call(queue, "ENDED", "TIMED_OUT", 7140, null, 7740, null, null);
        call(queue, "QUEUED", null, 7800, null, null, null, null);
        call(queue, "ENDED", "HANDLED", -86_400, -86_390, -86_300, -86_280, agent);

        List<HourlyContacts> hours = SystemUser.call(() -> metrics.todayByHour(queue.id()));

        assertThat(hours).hasSize(13);
        assertThat(hours.getFirst().hour()).isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(hours.get(10)).isEqualTo(new HourlyContacts(java.time.LocalTime.of(10, 0), 1, 1, 0, 0, 0, 0));
        assertThat(hours.get(11)).isEqualTo(new HourlyContacts(java.time.LocalTime.of(11, 0), 0, 0, 1, 0, 0, 0));
        assertThat(hours.get(12)).isEqualTo(new HourlyContacts(java.time.LocalTime.of(12, 0), 0, 0, 0, 0, 0, 1));
        assertThat(hours.stream().mapToInt(HourlyContacts::total).sum()).isEqualTo(4);
    }
}
