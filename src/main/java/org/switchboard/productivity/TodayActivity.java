package org.switchboard.productivity;

/** Today's Activity: today's figures beside the comparison day the agent picked. */
public record TodayActivity(long agentId, DayActivity today, DayActivity comparison) {
}
