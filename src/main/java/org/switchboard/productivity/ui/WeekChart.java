package org.switchboard.productivity.ui;

import java.util.List;
import java.util.function.ToIntFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import org.switchboard.common.Formats;
import org.switchboard.productivity.DayActivity;
import org.switchboard.productivity.WeekActivity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Week's Activity as grouped bars: the plain-JS element {@code sb-week-chart} draws them with Chart.js
 * from its webjar, so no frontend build is needed. The data travels as one JSON attribute.
 */
@Tag("sb-week-chart")
@JavaScript("context://webjars/chart.js/dist/chart.umd.js")
@JavaScript("context://assets/sb-week-chart.js")
class WeekChart extends Component {

    private final Formats formats;

    WeekChart(Formats formats) {
        this.formats = formats;
        setId("week-chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", getTranslation("productivity.week.chart-label"));
    }

    void show(WeekActivity week) {
        getElement().setAttribute("data-chart", json(week.days()));
    }

    /** What {@code sb-week-chart.js} reads: a label per day and a series per call type. */
    record Data(List<String> labels, List<Series> series) {
    }

    record Series(String label, List<Integer> data) {
    }

    String json(List<DayActivity> days) {
        return JsonMapper.shared().writeValueAsString(new Data(days.stream().map(d -> formats.shortDay(d.day())).toList(),
                List.of(series(CallTypes.QUEUE_ANSWERED, days, DayActivity::queueCallsAnswered),
                        series(CallTypes.NON_QUEUE_ANSWERED, days, DayActivity::nonQueueCallsAnswered),
                        series(CallTypes.NON_QUEUE_MADE, days, DayActivity::nonQueueCallsMade))));
    }

    private Series series(String label, List<DayActivity> days, ToIntFunction<DayActivity> figure) {
        return new Series(getTranslation(label), days.stream().map(figure::applyAsInt).toList());
    }
}
