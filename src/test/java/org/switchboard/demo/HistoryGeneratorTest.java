package org.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.SwitchboardTest;
import org.switchboard.security.SystemUser;

/** Two weeks of history, far in the past so no other test sees it. */
@SwitchboardTest
class HistoryGeneratorTest {

    @Autowired
    HistoryGenerator generator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    java.time.Clock clock;

    @Test
    void busyWeekdaysQuietWeekendsBusinessHoursAndCompleteEvents() {
        LocalDate monday = LocalDate.now(clock).minusYears(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate sunday = monday.plusDays(13);
        ZoneId zone = clock.getZone();
        Timestamp from = Timestamp.from(monday.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(sunday.plusDays(1).atStartOfDay(zone).toInstant());

        HistoryGenerator.Totals totals = SystemUser.call(() -> generator.generateIfAbsent(monday, sunday, 1));
        assertThat(totals.contacts()).isGreaterThan(500);
        assertThat(SystemUser.call(() -> generator.generateIfAbsent(monday, sunday, 1)).contacts()).as("only once").isZero();

        List<ZonedDateTime> created = jdbc.sql("SELECT created_at FROM contact WHERE created_at >= ? AND created_at < ? AND queue_id IS NOT NULL AND type <> 'CAMPAIGN_CALL'")
                .params(from, to).query(Timestamp.class).list().stream().map(t -> t.toInstant().atZone(zone)).toList();
        Map<Boolean, Long> byWeekend = created.stream().collect(Collectors.partitioningBy(
                t -> t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY, Collectors.counting()));
        double perWeekday = byWeekend.get(false) / 10.0;
        double perWeekendDay = byWeekend.get(true) / 4.0;
        assertThat(perWeekday).isGreaterThan(3 * perWeekendDay);
        assertThat(created).allMatch(t -> t.getHour() >= 7 && t.getHour() <= 19);

        int handledCalls = jdbc.sql("SELECT COUNT(*) FROM contact WHERE created_at >= ? AND created_at < ? AND type = 'INBOUND_CALL' AND outcome = 'HANDLED'")
                .params(from, to).query(Integer.class).single();
        int theirEvents = jdbc.sql("""
                SELECT COUNT(*) FROM contact_event e JOIN contact c ON c.id = e.contact_id
                WHERE c.created_at >= ? AND c.created_at < ? AND c.type = 'INBOUND_CALL' AND c.outcome = 'HANDLED'""")
                .params(from, to).query(Integer.class).single();
        assertThat(theirEvents).isEqualTo(5 * handledCalls);
        List<String> outcomes = jdbc.sql("SELECT DISTINCT outcome FROM contact WHERE created_at >= ? AND created_at < ?")
                .params(from, to).query(String.class).list();
        assertThat(outcomes).contains("HANDLED", "ABANDONED", "TIMED_OUT");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE created_at >= ? AND created_at < ? AND type = 'CAMPAIGN_CALL' AND source_contact_id IS NOT NULL")
                .params(from, to).query(Integer.class).single()).isPositive();

        // Chats come with their conversation, tag and messages, so the chat history has something to show.
        List<Map<String, Object>> chats = jdbc.sql("""
                SELECT c.id, c.outcome, c.agent_id, v.last_message,
                       (SELECT COUNT(*) FROM chat_message m WHERE m.contact_id = c.id) AS messages,
                       (SELECT COUNT(*) FROM chat_message m WHERE m.contact_id = c.id AND m.direction = 'OUT'
                           AND m.author_id = c.agent_id) AS by_its_agent,
                       (SELECT m.direction FROM chat_message m WHERE m.contact_id = c.id ORDER BY m.id LIMIT 1) AS opened_by,
                       (SELECT m.body FROM chat_message m WHERE m.contact_id = c.id ORDER BY m.id DESC LIMIT 1) AS last_body,
                       (SELECT COUNT(*) FROM chat_tag t WHERE t.contact_id = c.id) AS tags
                FROM contact c LEFT JOIN chat_conversation v ON v.contact_id = c.id
                WHERE c.created_at >= ? AND c.created_at < ? AND c.type = 'CHAT'""").params(from, to).query().listOfRows();
        assertThat(chats).isNotEmpty().allSatisfy(chat -> {
            assertThat(chat.get("last_message")).as("conversation of chat %s", chat.get("id")).isEqualTo(chat.get("last_body"));
            assertThat(chat.get("opened_by")).isEqualTo("IN");
            assertThat(((Number) chat.get("tags")).intValue()).isOne();
            int messages = ((Number) chat.get("messages")).intValue();
            if ("HANDLED".equals(chat.get("outcome"))) {
                assertThat(messages).isGreaterThanOrEqualTo(3);
                assertThat(((Number) chat.get("by_its_agent")).intValue()).isEqualTo(messages / 2);
            } else {
                assertThat(messages).as("an abandoned chat: the customer's first line").isOne();
            }
        });
        assertThat(chats).extracting(chat -> chat.get("outcome")).contains("HANDLED", "ABANDONED");
    }
}
