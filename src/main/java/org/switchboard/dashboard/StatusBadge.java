package org.switchboard.dashboard;

import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.common.UserActions;

/** An agent's state in a queue as a coloured badge: Ready, Paused (with the reason), Logged out. */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static Span of(PresenceState state, String reason) {
        Span badge = new Span();
        String said = badge.getTranslation(switch (state) {
            case READY -> "agent.status.ready";
            case PAUSED -> "agent.status.paused";
            case LOGGED_OUT -> "agent.status.logged-out";
        });
        badge.setText(reason == null ? said
                : badge.getTranslation("agent.status.paused-for", said, PauseReason.shown(reason, UserActions.locale())));
        badge.getElement().getThemeList().add(switch (state) {
            case READY -> "badge success";
            case PAUSED -> "badge";
            case LOGGED_OUT -> "badge contrast";
        });
        return badge;
    }
}
