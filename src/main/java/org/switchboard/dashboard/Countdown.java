package org.switchboard.dashboard;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;

/** {@code <sb-clock>}: counts up from or down to an instant in the browser, with no server round trips. */
@Tag("sb-clock")
@JavaScript("context://assets/sb-clock.js")
public class Countdown extends Component {

    public static Countdown since(Instant from) {
        Countdown clock = new Countdown();
        clock.getElement().setAttribute("from", Long.toString(from.toEpochMilli()));
        return clock;
    }

    public static Countdown until(Instant until) {
        Countdown clock = new Countdown();
        clock.getElement().setAttribute("until", Long.toString(until.toEpochMilli()));
        return clock;
    }
}
