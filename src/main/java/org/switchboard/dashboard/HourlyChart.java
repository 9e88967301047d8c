package org.switchboard.dashboard;

import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import org.switchboard.metrics.HourlyContacts;

/**
 * {@code <sb-hourly-chart>}: today's contacts by hour, stacked by outcome, drawn by Chart.js in the
 * browser from the webjar (no frontend build). The data travels as a JSON attribute.
 */
@Tag("sb-hourly-chart")
@JavaScript("context://webjars/chart.js/dist/chart.umd.js")
@JavaScript("context://assets/sb-hourly-chart.js")
public class HourlyChart extends Component {

    private record Series(String key, String label, ToIntFunction<HourlyContacts> count) {
    }

    private static final List<Series> SERIES = List.of(
            new Series("handled", "Handled", HourlyContacts::handled),
            new Series("abandoned", "Abandoned", HourlyContacts::abandoned),
            new Series("timedOut", "Timed out", HourlyContacts::timedOut),
            new Series("incomplete", "Incomplete", HourlyContacts::incomplete),
            new Series("missed", "Missed", HourlyContacts::missed),
            new Series("open", "Still open", HourlyContacts::open));

    public HourlyChart() {
        getElement().setAttribute("role", "img");
        show(List.of());
    }

    public void show(List<HourlyContacts> hours) {
        String labels = hours.stream().map(h -> "\"" + h.hour() + "\"").collect(Collectors.joining(","));
        String series = SERIES.stream().map(s -> "{\"key\":\"" + s.key() + "\",\"label\":\"" + s.label() + "\",\"counts\":["
                + hours.stream().map(h -> Integer.toString(s.count().applyAsInt(h))).collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(","));
        getElement().setAttribute("data", "{\"labels\":[" + labels + "],\"series\":[" + series + "]}");
        String summary = hours.stream().filter(h -> h.total() > 0).map(h -> h.hour() + " " + h.total())
                .collect(Collectors.joining(", "));
        getElement().setAttribute("aria-label", "Today's contacts by hour: " + (summary.isEmpty() ? "none yet" : summary));
    }
}
