package org.switchboard.productivity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.common.Unrestricted;
import org.switchboard.common.ValidationException;
import org.switchboard.productivity.data.ActivityQueries;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

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

    private final ActivityQueries queries;
    private final Clock clock;

    ProductivityService(ActivityQueries queries, Clock clock) {
        this.queries = queries;
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
        List<DayActivity> days = queries.days(agentId, List.of(today, comparisonDay), clock.getZone());
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
        return new WeekActivity(agentId, monday, queries.days(agentId, days, clock.getZone()));
    }

    /** Whose figures the signed-in user may open: itself when it is an agent, then the agents it supervises. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<AgentChoice> agentsToShow() {
        SignedInUser me = SignedInUser.current().orElse(null);
        if (me == null) {
            return List.of();
        }
        List<AgentChoice> choices = new ArrayList<>();
        if (me.has(Role.AGENT)) {
            choices.add(new AgentChoice(me.id(), queries.displayNameOf(me.id())));
        }
        if (me.has(Role.SUPERVISOR)) {
            choices.addAll(queries.agentsSupervisedBy(me.id()));
        }
        return choices;
    }

    /** The current calendar day in {@code switchboard.zone}. */
    @Unrestricted("the server's calendar day, for screens' date pickers: no user data")
    public LocalDate currentDay() {
        return LocalDate.now(clock);
    }
}
