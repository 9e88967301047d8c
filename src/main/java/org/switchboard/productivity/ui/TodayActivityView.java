package org.switchboard.productivity.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.ComponentTexts;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.productivity.ActivityFeed;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.productivity.TodayActivity;
import org.switchboard.security.Role;

/**
 * Today's Activity: three widgets, today on the left and a day the agent picks on the right. Today's
 * figures follow the agent's calls live.
 */
@Route("activity/today")
@Menu(title = "productivity.today.title", icon = "vaadin:chart", order = 20)
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISOR_ROLE})
@StyleSheet("context://assets/productivity.css")
class TodayActivityView extends ActivityPage<TodayActivity> implements HasDynamicTitle {

    private final DatePicker comparisonDay = new DatePicker(getTranslation("productivity.today.compare-with"));
    private final ActivityWidget queueAnswered = new ActivityWidget(CallTypes.QUEUE_ANSWERED, "queue-calls-answered", formats);
    private final ActivityWidget nonQueueAnswered = new ActivityWidget(CallTypes.NON_QUEUE_ANSWERED, "non-queue-calls-answered",
            formats);
    private final ActivityWidget nonQueueMade = new ActivityWidget(CallTypes.NON_QUEUE_MADE, "non-queue-calls-made", formats);
    private final Anchor csv;

    TodayActivityView(ProductivityService productivity, ActivityFeed feed, ScreenRefreshes refreshes) {
        super(productivity, feed, refreshes, "today's activity");
        LocalDate today = productivity.currentDay();
        comparisonDay.setId("comparison-day");
        ComponentTexts.datePicker(comparisonDay, formats);
        comparisonDay.setMax(today);
        comparisonDay.setValue(today.minusDays(1));
        comparisonDay.setHelperText(getTranslation("productivity.today.today-is", formats.date(today)));
        csv = new Anchor(ActivityCsv.download(() -> "todays-activity-" + shown.today().day() + ".csv",
                () -> List.of(shown.today(), shown.comparison())), getTranslation("productivity.activity.download-csv"));
        csv.setId("today-csv");
        HorizontalLayout controls = new HorizontalLayout(agent, comparisonDay, csv);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        Div widgets = new Div(queueAnswered, nonQueueAnswered, nonQueueMade);
        widgets.addClassName("cards");
        add(controls, error, widgets);
        if (noAgentToShow) {
            showError(getTranslation("productivity.activity.no-agents"));
            controls.setVisible(false);
            widgets.setVisible(false);
            return;
        }
        loadOnChange(comparisonDay);
    }

    @Override
    TodayActivity load(long agentId) {
        return productivity.today(agentId, comparisonDay.getValue());
    }

    @Override
    TodayActivity reload(TodayActivity current) {
        return productivity.today(current.agentId(), current.comparison().day());
    }

    @Override
    boolean sameSelection(TodayActivity current, TodayActivity fresh) {
        return current.agentId() == fresh.agentId() && current.comparison().day().equals(fresh.comparison().day());
    }

    @Override
    Long liveAgent() {
        TodayActivity current = shown;
        return current == null ? null : current.agentId();
    }

    @Override
    void paint(TodayActivity activity) {
        queueAnswered.show(activity.today().queueCallsAnswered(), activity.comparison().day(),
                activity.comparison().queueCallsAnswered());
        nonQueueAnswered.show(activity.today().nonQueueCallsAnswered(), activity.comparison().day(),
                activity.comparison().nonQueueCallsAnswered());
        nonQueueMade.show(activity.today().nonQueueCallsMade(), activity.comparison().day(),
                activity.comparison().nonQueueCallsMade());
        csv.setEnabled(true);
    }

    @Override
    void disableActions() {
        csv.setEnabled(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("productivity.today.title") + " | Switchboard";
    }
}
