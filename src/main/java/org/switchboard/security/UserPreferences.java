package org.switchboard.security;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What a user chose in Settings &gt; My account; an empty value follows the browser.
 *
 * @param language one of {@link org.switchboard.common.Translations#LANGUAGES}
 * @param timeZone the zone its screens show times in
 */
public record UserPreferences(Optional<Locale> language, Optional<ZoneId> timeZone) {

    public static final UserPreferences BROWSER = new UserPreferences(Optional.empty(), Optional.empty());
}
