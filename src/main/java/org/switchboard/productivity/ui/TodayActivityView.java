package org.switchboard.productivity.ui;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.common.Subscriptions;
import org.switchboard.common.ValidationException;
import org.switchboard.productivity.ActivityFeed;
import org.switchboard.productivity.AgentChoice;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.productivity.TodayActivity;
import org.switchboard.security.Role;

/**
 * Today's Activity: three widgets, today on the left and a day the agent picks on the right. Today's
 * figures follow the agent's calls live.
 */
@Route("activity/today")
@PageTitle("Today's Activity | Switchboard")
@Menu(title = "Today's Activity", icon = "vaadin:chart", order = 20)
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISOR_ROLE})
@StyleSheet("context://assets/productivity.css")
class TodayActivityView extends Main {

    private final ProductivityService productivity;
    private final AgentPicker agent;
    private final DatePicker comparisonDay = new DatePicker("Compare with");
    private final ActivityWidget queueAnswered = new ActivityWidget(CallTypes.QUEUE_ANSWERED, "queue-calls-answered");
    private final ActivityWidget nonQueueAnswered = new ActivityWidget(CallTypes.NON_QUEUE_ANSWERED, "non-queue-calls-answered");
    private final ActivityWidget nonQueueMade = new ActivityWidget(CallTypes.NON_QUEUE_MADE, "non-queue-calls-made");
    private final Div error = new Div();
    private final Anchor csv;
    private final LiveRefresh<TodayActivity> live;
    private volatile TodayActivity shown;

    TodayActivityView(ProductivityService productivity, ActivityFeed feed, ScreenRefreshes refreshes) {
        this.productivity = productivity;
        this.live = new LiveRefresh<>(feed, refreshes, "today's activity", () -> shown == null ? null : shown.agentId(),
                () -> {
                    TodayActivity current = shown;
                    return productivity.today(current.agentId(), current.comparison().day());
                }, this::showIfStillSelected);
        addClassNames("page", "activity-page");
        List<AgentChoice> choices = productivity.agentsToShow();
        agent = new AgentPicker(choices);
        LocalDate today = productivity.currentDay();
        comparisonDay.setId("comparison-day");
        comparisonDay.setMax(today);
        comparisonDay.setValue(today.minusDays(1));
        comparisonDay.setHelperText("Today is " + today);
        csv = new Anchor(ActivityCsv.download(() -> "todays-activity-" + shown.today().day() + ".csv",
                () -> List.of(shown.today(), shown.comparison())), "Download CSV");
        csv.setId("today-csv");
        error.addClassName("form-error");
        error.setVisible(false);
        HorizontalLayout controls = new HorizontalLayout(agent, comparisonDay, csv);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        Div widgets = new Div(queueAnswered, nonQueueAnswered, nonQueueMade);
        widgets.addClassName("cards");
        add(controls, error, widgets);
        if (choices.isEmpty()) {
            showError("There are no agents whose figures you may see.");
            controls.setVisible(false);
            widgets.setVisible(false);
            return;
        }
        agent.addValueChangeListener(e -> load());
        comparisonDay.addValueChangeListener(e -> load());
        load();
    }

    private void load() {
        if (agent.getValue() == null) {
            return;
        }
        try {
            show(productivity.today(agent.getValue().id(), comparisonDay.getValue()));
        } catch (ValidationException e) {
            showError(e.getMessage());
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Subscriptions.untilDetached(this, live.start(event.getUI()));
    }

    /** A live reload applies only if the user has not picked another agent or day meanwhile. */
    private void showIfStillSelected(TodayActivity fresh) {
        TodayActivity current = shown;
        if (current != null && current.agentId() == fresh.agentId() && current.comparison().day().equals(fresh.comparison().day())) {
            show(fresh);
        }
    }

    private void show(TodayActivity activity) {
        shown = activity;
        queueAnswered.show(activity.today().queueCallsAnswered(), activity.comparison().day(),
                activity.comparison().queueCallsAnswered());
        nonQueueAnswered.show(activity.today().nonQueueCallsAnswered(), activity.comparison().day(),
                activity.comparison().nonQueueCallsAnswered());
        nonQueueMade.show(activity.today().nonQueueCallsMade(), activity.comparison().day(),
                activity.comparison().nonQueueCallsMade());
        error.setVisible(false);
        csv.setEnabled(true);
    }

    /** Nothing valid is selected: no download, no live reload, until the user picks again. */
    private void showError(String message) {
        shown = null;
        error.setText(message);
        error.setVisible(true);
        csv.setEnabled(false);
    }
}
