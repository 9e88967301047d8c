package org.switchboard.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.Activity;
import org.switchboard.agent.PauseReason;
import org.switchboard.agent.PresenceState;
import org.switchboard.common.UserActions;

/**
 * An agent's state in a queue as a coloured badge: Ready, Paused (with the reason), Logged out; and
 * what the agent is doing with a call: Ringing, On call, Wrap-up.
 */
public final class StatusBadge {

    private StatusBadge() {
    }

    /** The presence as the screen says it, with the pause reason in the user's language where it is the system's own. */
    public static String label(Component where, PresenceState state, String reason) {
        String said = where.getTranslation(switch (state) {
            case READY -> "agent.status.ready";
            case PAUSED -> "agent.status.paused";
            case LOGGED_OUT -> "agent.status.logged-out";
        });
        return reason == null ? said
                : where.getTranslation("agent.status.paused-for", said, PauseReason.shown(reason, UserActions.locale()));
    }

    /** What a busy agent is doing; null while idle (then its presence says it all). */
    public static Span doing(Activity activity) {
        String key = switch (activity) {
            case IDLE -> null;
            case OFFERED -> "agent.activity.ringing";
            case ON_CONTACT -> "agent.activity.on-call";
            case WRAP_UP -> "agent.activity.wrap-up";
        };
        if (key == null) {
            return null;
        }
        Span badge = new Span();
        badge.setText(badge.getTranslation(key));
        badge.getElement().getThemeList().add(activity == Activity.WRAP_UP ? "badge" : "badge primary");
        return badge;
    }

    public static Span of(PresenceState state, String reason) {
        Span badge = new Span();
        badge.setText(label(badge, state, reason));
        badge.getElement().getThemeList().add(switch (state) {
            case READY -> "badge success";
            case PAUSED -> "badge";
            case LOGGED_OUT -> "badge contrast";
        });
        return badge;
    }
}
