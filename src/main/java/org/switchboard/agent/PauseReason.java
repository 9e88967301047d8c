package org.switchboard.agent;

import java.util.Locale;

import org.switchboard.common.Translations;

/**
 * Why an agent is paused. System reasons are set by the routing engine itself (missed offers,
 * disconnected) and cannot be removed.
 */
public record PauseReason(long id, String name, boolean active, boolean systemReason, int version) {

    public static final String MISSED_OFFERS = "Missed offers";
    public static final String DISCONNECTED = "Disconnected";

    /** A reason's name as a screen in {@code locale} shows it: the system's own reasons in its language, the admins' as written. */
    public static String shown(String name, Locale locale) {
        if (MISSED_OFFERS.equals(name)) {
            return Translations.translate(locale, "agent.pause-reason.missed-offers");
        }
        return DISCONNECTED.equals(name) ? Translations.translate(locale, "agent.pause-reason.disconnected") : name;
    }
}
