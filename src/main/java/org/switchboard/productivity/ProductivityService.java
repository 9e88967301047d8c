package org.switchboard.productivity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.contact.ContactFigures;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;
import org.switchboard.security.UserNames;
import org.switchboard.security.UserNames.UserName;

/**
 * An agent's personal productivity (README, "Productivity"), counted from the contact
 * history as {@link DayActivity} defines. Days are calendar days in {@code switchboard.zone}; weeks
 * run Monday to Sunday. An agent sees its own figures; a supervisor those of the agents of the
 * queues it supervises; an admin anyone's.
 */
@Service
public class ProductivityService {

    private static final String READERS = "hasAnyRole('AGENT','SUPERVISOR','ADMIN')";
    private static final String AGENTS_READER = READERS + " and @agentAccess.canActFor(#agentId)";

    private final ContactFigures contacts;
    private final QueueService queues;
    private final UserNames names;
    private final Clock clock;

    ProductivityService(ContactFigures contacts, QueueService queues, UserNames names, Clock clock) {
        this.contacts = contacts;
        this.queues = queues;
        this.names = names;
        this.clock = clock;
    }

    /** Today's figures and those of {@code comparisonDay}, which must not lie in the future. */
    @PreAuthorize(AGENTS_READER)
    @Transactional(readOnly = true)
    public TodayActivity today(long agentId, LocalDate comparisonDay) {
        LocalDate today = LocalDate.now(clock);
        if (comparisonDay == null) {
            throw new ValidationException("productivity.error.pick-a-day");
        }
        if (comparisonDay.isAfter(today)) {
            throw new ValidationException("productivity.error.day-in-future");
        }
        List<DayActivity> days = days(agentId, List.of(today, comparisonDay));
        return new TodayActivity(agentId, days.get(0), days.get(1));
    }

    /** The week (Monday to Sunday) holding {@code anyDay}; days after today count nothing yet. */
    @PreAuthorize(AGENTS_READER)
    @Transactional(readOnly = true)
    public WeekActivity week(long agentId, LocalDate anyDay) {
        if (anyDay == null) {
            throw new ValidationException("productivity.error.pick-a-week");
        }
        LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
        if (monday.isAfter(LocalDate.now(clock))) {
            throw new ValidationException("productivity.error.week-in-future");
        }
        List<LocalDate> days = IntStream.range(0, 7).mapToObj(monday::plusDays).toList();
        return new WeekActivity(agentId, monday, days(agentId, days));
    }

    /** Whose figures the signed-in user may open: itself when it is an agent, then the agents it supervises. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AgentChoice> agentsToShow() {
        SignedInUser me = SignedInUser.current().orElse(null);
        if (me == null) {
            return List.of();
        }
        List<Long> supervised = me.has(Role.SUPERVISOR) ? queues.agentsSupervisedBy(me.id()) : List.of();
        Set<Long> shown = new HashSet<>(supervised);
        if (me.has(Role.AGENT)) {
            shown.add(me.id());
        }
        Map<Long, UserName> known = names.of(shown);
        List<AgentChoice> choices = new ArrayList<>();
        if (me.has(Role.AGENT)) {
            choices.add(new AgentChoice(me.id(), known.get(me.id()).displayName()));
        }
        supervised.stream().map(known::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(UserName::displayName, String.CASE_INSENSITIVE_ORDER).thenComparingLong(UserName::id))
                .forEach(agent -> choices.add(new AgentChoice(agent.id(), agent.displayName())));
        return choices;
    }

    /** The agent's figures for each of {@code days}, in that order, in one query. */
    private List<DayActivity> days(long agentId, List<LocalDate> days) {
        return contacts.answeredByDay(agentId, days, clock.getZone()).stream()
                .map(day -> new DayActivity(day.day(), day.queueCalls(), day.directIn(), day.directOut())).toList();
    }

    /** The current calendar day in {@code switchboard.zone}. */
    @Unrestricted("the server's calendar day, for screens' date pickers: no user data")
    public LocalDate currentDay() {
        return LocalDate.now(clock);
    }
}
