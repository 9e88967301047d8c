package org.switchboard.productivity.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.common.ComponentTexts;
import org.switchboard.common.ScreenRefreshes;
import org.switchboard.productivity.ActivityFeed;
import org.switchboard.productivity.DayActivity;
import org.switchboard.productivity.ProductivityService;
import org.switchboard.productivity.WeekActivity;
import org.switchboard.security.Role;

/**
 * Week's Activity: the chosen week by day and call type, as a chart and as a table, with a CSV
 * download. The current week follows the agent's calls live.
 */
@Route("activity/week")
@Menu(title = "productivity.week.title", icon = "vaadin:calendar", order = 21)
@RolesAllowed({Role.AGENT_ROLE, Role.SUPERVISOR_ROLE})
@StyleSheet("context://assets/productivity.css")
class WeekActivityView extends ActivityPage<WeekActivity> implements HasDynamicTitle {

    private final DatePicker weekOf = new DatePicker(getTranslation("productivity.week.week-of"));
    private final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    private final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    private final H2 title = new H2();
    private final WeekChart chart = new WeekChart(formats);
    private final Grid<DayActivity> table = new Grid<>();
    private final Anchor csv;
    private final Grid.Column<DayActivity> dayColumn;
    private final Grid.Column<DayActivity> queueColumn;
    private final Grid.Column<DayActivity> nonQueueAnsweredColumn;
    private final Grid.Column<DayActivity> nonQueueMadeColumn;

    WeekActivityView(ProductivityService productivity, ActivityFeed feed, ScreenRefreshes refreshes) {
        super(productivity, feed, refreshes, "the week's activity");
        LocalDate today = productivity.currentDay();
        weekOf.setId("week-of");
        ComponentTexts.datePicker(weekOf, formats);
        weekOf.setMax(today);
        weekOf.setValue(today);
        weekOf.setHelperText(getTranslation("productivity.week.week-of-helper"));
        previous.setId("previous-week");
        previous.setAriaLabel(getTranslation("productivity.week.previous"));
        previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        previous.addClickListener(e -> weekOf.setValue(shown.firstDay().minusWeeks(1)));
        next.setId("next-week");
        next.setAriaLabel(getTranslation("productivity.week.next"));
        next.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        next.addClickListener(e -> weekOf.setValue(min(shown.firstDay().plusWeeks(1), productivity.currentDay())));
        csv = new Anchor(ActivityCsv.download(() -> "weeks-activity-" + shown.firstDay() + ".csv", () -> shown.days()),
                getTranslation("productivity.activity.download-csv"));
        csv.setId("week-csv");
        title.setId("week-title");

        table.setId("week-table");
        dayColumn = table.addColumn(d -> formats.dayWithWeekday(d.day())).setHeader(getTranslation("productivity.week.day"));
        queueColumn = table.addColumn(DayActivity::queueCallsAnswered).setHeader(getTranslation(CallTypes.QUEUE_ANSWERED));
        nonQueueAnsweredColumn = table.addColumn(DayActivity::nonQueueCallsAnswered).setHeader(getTranslation(CallTypes.NON_QUEUE_ANSWERED));
        nonQueueMadeColumn = table.addColumn(DayActivity::nonQueueCallsMade).setHeader(getTranslation(CallTypes.NON_QUEUE_MADE));
        table.appendFooterRow();
        table.setAllRowsVisible(true);
        // The call types' full names wrap in their headers, so four columns fit a phone-sized window
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);

        HorizontalLayout controls = new HorizontalLayout(agent, previous, weekOf, next, csv);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        add(controls, error, title, chart, table);
        if (noAgentToShow) {
            showError(getTranslation("productivity.activity.no-agents"));
            controls.setVisible(false);
            return;
        }
        loadOnChange(weekOf);
    }

    @Override
    WeekActivity load(long agentId) {
        return productivity.week(agentId, weekOf.getValue());
    }

    @Override
    WeekActivity reload(WeekActivity current) {
        return productivity.week(current.agentId(), current.firstDay());
    }

    @Override
    boolean sameSelection(WeekActivity current, WeekActivity fresh) {
        return current.agentId() == fresh.agentId() && current.firstDay().equals(fresh.firstDay());
    }

    /** Only a week holding today changes when the agent takes a call. */
    @Override
    Long liveAgent() {
        WeekActivity current = shown;
        LocalDate today = productivity.currentDay();
        return current != null && !today.isBefore(current.firstDay()) && !today.isAfter(current.lastDay())
                ? current.agentId() : null;
    }

    @Override
    void paint(WeekActivity week) {
        title.setText(formats.date(week.firstDay()) + " – " + formats.date(week.lastDay()));
        chart.show(week);
        table.setItems(week.days());
        DayActivity total = week.total();
        dayColumn.setFooter(getTranslation("productivity.week.total"));
        queueColumn.setFooter(formats.number(total.queueCallsAnswered()));
        nonQueueAnsweredColumn.setFooter(formats.number(total.nonQueueCallsAnswered()));
        nonQueueMadeColumn.setFooter(formats.number(total.nonQueueCallsMade()));
        next.setEnabled(week.lastDay().isBefore(productivity.currentDay()));
        previous.setEnabled(true);
        csv.setEnabled(true);
    }

    /** The last week shown stays on screen; stepping and downloading wait for a valid week. */
    @Override
    void disableActions() {
        previous.setEnabled(false);
        next.setEnabled(false);
        csv.setEnabled(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("productivity.week.title") + " | Switchboard";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
