package org.switchboard.productivity;

import java.time.LocalDate;

/**
 * One agent's calls on one calendar day of {@code switchboard.zone}. Each call counts on the day
 * of its {@code answered_at}, the moment the agent took it, and only for the agent it belongs to
 * ({@code contact.agent_id}); chats are not calls and never count.
 *
 * @param queueCallsAnswered    INBOUND_CALL, CALLBACK_REQUEST and CAMPAIGN_CALL contacts the agent
 *                              accepted that day, whatever their outcome (a callback nobody picked
 *                              up still counts: the agent took it)
 * @param nonQueueCallsAnswered DIRECT_CALL_IN contacts the agent accepted that day; missed ones
 *                              have no answered_at and do not count
 * @param nonQueueCallsMade     DIRECT_CALL_OUT contacts the agent dialed that day (a dialed call's
 *                              answered_at is its dial time), reached or not
 */
public record DayActivity(LocalDate day, int queueCallsAnswered, int nonQueueCallsAnswered, int nonQueueCallsMade) {

    public static DayActivity none(LocalDate day) {
        return new DayActivity(day, 0, 0, 0);
    }

    public int total() {
        return queueCallsAnswered + nonQueueCallsAnswered + nonQueueCallsMade;
    }
}
