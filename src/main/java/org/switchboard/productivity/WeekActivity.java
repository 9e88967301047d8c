package org.switchboard.productivity;

import java.time.LocalDate;
import java.util.List;

/** Week's Activity: the seven days of a week, Monday first, each with the three call types. */
public record WeekActivity(long agentId, LocalDate firstDay, List<DayActivity> days) {

    public WeekActivity {
        days = List.copyOf(days);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(6);
    }

    /** The week's sums, dated on its first day. */
    public DayActivity total() {
        return new DayActivity(firstDay, days.stream().mapToInt(DayActivity::queueCallsAnswered).sum(),
                days.stream().mapToInt(DayActivity::nonQueueCallsAnswered).sum(),
                days.stream().mapToInt(DayActivity::nonQueueCallsMade).sum());
    }
}
