package org.switchboard.dashboard.ui;

import java.time.Instant;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;

/** {@code <sb-clock>}: counts up from or down to an instant in the browser, with no server round trips. */
@Tag("sb-clock")
class Countdown extends Component {

    static Countdown since(Instant from) {
        Countdown clock = new Countdown();
        clock.getElement().setAttribute("from", Long.toString(from.toEpochMilli()));
        return clock;
    }

    static Countdown until(Instant until) {
        Countdown clock = new Countdown();
        clock.getElement().setAttribute("until", Long.toString(until.toEpochMilli()));
        return clock;
    }
}
