package org.switchboard.productivity.ui;

import org.switchboard.common.Formats;
import java.time.LocalDate;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** One of Today's Activity's widgets: today's figure on the left, the comparison day's on the right. */
class ActivityWidget extends Div {

    private final Span today = new Span();
    private final Span comparison = new Span();
    private final Span comparisonDay = new Span();

    private final Formats formats;

    /** @param title the bundle key of the widget's title */
    ActivityWidget(String title, String id, Formats formats) {
        this.formats = formats;
        setId(id);
        addClassName("activity-widget");
        today.setId(id + "-today");
        comparison.setId(id + "-comparison");
        today.addClassName("figure");
        comparison.addClassName("figure");
        comparisonDay.addClassName("figure-day");
        Div left = new Div(new Span(getTranslation("productivity.today.today")), today);
        Div right = new Div(comparisonDay, comparison);
        left.addClassName("figure-box");
        right.addClassName("figure-box");
        Div figures = new Div(left, right);
        figures.addClassName("figures");
        add(new H3(getTranslation(title)), figures);
    }

    void show(int todayFigure, LocalDate day, int comparisonFigure) {
        today.setText(formats.number(todayFigure));
        comparisonDay.setText(formats.dayWithWeekday(day));
        comparison.setText(formats.number(comparisonFigure));
    }
}
