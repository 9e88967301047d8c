package org.switchboard.dashboard.ui;

import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.PresenceState;

final class StatusBadge {

    private StatusBadge() {
    }

    static Span of(PresenceState state, String reason) {
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
