package org.switchboard.productivity.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** One of Today's Activity's widgets: today's figure on the left, the comparison day's on the right. */
class ActivityWidget extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy");

    private final Span today = new Span();
    private final Span comparison = new Span();
    private final Span comparisonDay = new Span();

    ActivityWidget(String title, String id) {
        setId(id);
        addClassName("activity-widget");
        today.setId(id + "-today");
        comparison.setId(id + "-comparison");
        today.addClassName("figure");
        comparison.addClassName("figure");
        comparisonDay.addClassName("figure-day");
        Div left = new Div(new Span("Today"), today);
        Div right = new Div(comparisonDay, comparison);
        left.addClassName("figure-box");
        right.addClassName("figure-box");
        Div figures = new Div(left, right);
        figures.addClassName("figures");
        add(new H3(title), figures);
    }

    void show(int todayFigure, LocalDate day, int comparisonFigure) {
        today.setText(Integer.toString(todayFigure));
        comparisonDay.setText(DAY.format(day));
        comparison.setText(Integer.toString(comparisonFigure));
    }
}
