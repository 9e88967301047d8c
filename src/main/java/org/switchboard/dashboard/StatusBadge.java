package org.switchboard.dashboard;

import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.PresenceState;

/** An agent's state in a queue as a coloured badge: Ready, Paused (with the reason), Logged out. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(PresenceState state, String reason) {
        Span badge = new Span(switch (state) {
            case READY -> "Ready";
            case PAUSED -> "Paused" + (reason == null ? "" : ": " + reason);
            case LOGGED_OUT -> "Logged out";
        });
        badge.getElement().getThemeList().add(switch (state) {
            case READY -> "badge success";
            case PAUSED -> "badge";
            case LOGGED_OUT -> "badge contrast";
        });
        return badge;
    }
}
