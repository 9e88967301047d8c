package org.switchboard.dashboard;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import org.switchboard.metrics.HourlyContacts;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code <sb-hourly-chart>}: today's contacts by hour, stacked by outcome, drawn by Chart.js in the
 * browser from the webjar (no frontend build). The data travels as a JSON attribute.
 */
@Tag("sb-hourly-chart")
@JavaScript("context://webjars/chart.js/dist/chart.umd.js")
@JavaScript("context://assets/sb-hourly-chart.js")
public class HourlyChart extends Component {

    /** An outcome: its series key for the script, the bundle key of its label, its count per hour. */
    private record Outcome(String key, String label, ToIntFunction<HourlyContacts> count) {
    }

    private static final List<Outcome> OUTCOMES = List.of(
            new Outcome("handled", "dashboard.chart.handled", HourlyContacts::handled),
            new Outcome("abandoned", "dashboard.chart.abandoned", HourlyContacts::abandoned),
            new Outcome("timedOut", "dashboard.chart.timed-out", HourlyContacts::timedOut),
            new Outcome("incomplete", "dashboard.chart.incomplete", HourlyContacts::incomplete),
            new Outcome("missed", "dashboard.chart.missed", HourlyContacts::missed),
            new Outcome("open", "dashboard.chart.still-open", HourlyContacts::open));

    /** What {@code sb-hourly-chart.js} reads: a label per hour and a series of counts per outcome. */
    record Data(List<String> labels, List<Series> series) {
    }

    record Series(String key, String label, List<Integer> counts) {
    }

    public HourlyChart() {
        getElement().setAttribute("role", "img");
        show(List.of());
    }

    public void show(List<HourlyContacts> hours) {
        Data data = new Data(hours.stream().map(h -> String.valueOf(h.hour())).toList(), OUTCOMES.stream()
                .map(o -> new Series(o.key(), getTranslation(o.label()), hours.stream().map(o.count()::applyAsInt).toList())).toList());
        getElement().setAttribute("data", JsonMapper.shared().writeValueAsString(data));
        String summary = hours.stream().filter(h -> h.total() > 0).map(h -> h.hour() + " " + h.total())
                .collect(Collectors.joining(", "));
        getElement().setAttribute("aria-label", getTranslation("dashboard.chart.summary",
                summary.isEmpty() ? getTranslation("dashboard.chart.none-yet") : summary));
    }
}
