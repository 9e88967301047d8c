package org.switchboard.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.contact.data.ContactFigureQueries;

/**
 * Counts over contacts for the queue figures and the productivity screens: grouped SQL, one statement
 * for all the queues (or days) asked for. Called inside those features' transactions (MANDATORY), which
 * checked their caller; docs/architecture.md ("Queue figures") defines what each figure counts.
 */
@Service
@Unrestricted("counts only, inside the queue figures' and productivity screens' transactions, which checked their caller")
public class ContactFigures {

    /** A queue's contacts now: waiting (queued or offered, not answered), since when the oldest waits, open chats held by agents. */
    public record Live(int waiting, Instant oldestQueuedAt, int openChats) {

        public static final Live NONE = new Live(0, null, 0);
    }

    /**
     * A queue's contacts of one day: created that day, ended that day by outcome, the mean handle time
     * (talk plus wrap-up) of those handled, and how many of those created were dialed or answered.
     */
    public record Day(int created, int handled, int abandoned, int timedOut, int incomplete, long averageHandleMillis,
            int dialed) {

        public static final Day NONE = new Day(0, 0, 0, 0, 0, 0, 0);
    }

    /** A queue's answers of one day, within its threshold or not, its abandons after it, and the mean speed of answer. */
    public record Answers(int answered, int answeredWithinThreshold, int abandonedAfterThreshold, long averageAnswerMillis) {

        public static final Answers NONE = new Answers(0, 0, 0, 0);
    }

    /** Contacts created in one hour by how they ended; {@code stillOpen} have not ended. */
    public record Outcomes(int handled, int abandoned, int timedOut, int incomplete, int missed, int stillOpen) {

        public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0);
    }

    /** An agent's calls answered on one day: queue calls, direct calls in, direct calls made. */
    public record AnsweredCalls(LocalDate day, int queueCalls, int directIn, int directOut) {
    }

    private final ContactFigureQueries queries;

    ContactFigures(ContactFigureQueries queries) {
        this.queries = queries;
    }

    /** The queues' contacts now; queues with no open contact are missing. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Live> live(Collection<Long> queueIds) {
        return queueIds.isEmpty() ? Map.of() : queries.live(queueIds);
    }

    /** The queues' contacts created or ended from {@code from} to {@code to}; queues with none are missing. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Day> day(Collection<Long> queueIds, Instant from, Instant to) {
        return queueIds.isEmpty() ? Map.of() : queries.day(queueIds, from, to);
    }

    /** The queues' answers from {@code from} to {@code to}, each against its own threshold in seconds. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Long, Answers> answers(Map<Long, Integer> thresholdSecondsByQueue, Instant from, Instant to) {
        return thresholdSecondsByQueue.isEmpty() ? Map.of() : queries.answers(thresholdSecondsByQueue, from, to);
    }

    /** The queue's contacts created from {@code from} to {@code to}, by whole hours since {@code from}. */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public Map<Integer, Outcomes> createdByHour(long queueId, Instant from, Instant to) {
        return queries.createdByHour(queueId, from, to);
    }

    /**
     * The agent's calls answered on each of {@code days} (calendar days in {@code zone}, any order), in
     * that order; chats never count.
     */
    @Transactional(propagation = Propagation.MANDATORY, readOnly = true)
    public List<AnsweredCalls> answeredByDay(long agentId, List<LocalDate> days, ZoneId zone) {
        return days.isEmpty() ? List.of() : queries.answeredByDay(agentId, days, zone);
    }
}
