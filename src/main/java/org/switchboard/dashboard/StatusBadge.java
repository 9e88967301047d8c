package org.switchboard.dashboard;

import com.vaadin.flow.component.html.Span;
import org.switchboard.agent.Activity;
import org.switchboard.agent.PresenceState;

/**
 * An agent's state in a queue as a coloured badge: Ready, Paused (with the reason), Logged out; and
 * what the agent is doing with a call: Ringing, On call, Wrap-up.
 */
public final class StatusBadge {

    private StatusBadge() {
    }

    public static String label(PresenceState state, String reason) {
        return switch (state) {
            case READY -> "Ready";
            case PAUSED -> "Paused" + (reason == null ? "" : ": " + reason);
            case LOGGED_OUT -> "Logged out";
        };
    }

    /** What a busy agent is doing; null while idle (then its presence says it all). */
    public static Span doing(Activity activity) {
        String label = switch (activity) {
            case IDLE -> null;
            case OFFERED -> "Ringing";
            case ON_CONTACT -> "On call";
            case WRAP_UP -> "Wrap-up";
        };
        if (label == null) {
            return null;
        }
        Span badge = new Span(label);
        badge.getElement().getThemeList().add(activity == Activity.WRAP_UP ? "badge" : "badge primary");
        return badge;
    }

    public static Span of(PresenceState state, String reason) {
        Span badge = new Span(label(state, reason));
        badge.getElement().getThemeList().add(switch (state) {
            case READY -> "badge success";
            case PAUSED -> "badge";
            case LOGGED_OUT -> "badge contrast";
        });
        return badge;
    }
}
