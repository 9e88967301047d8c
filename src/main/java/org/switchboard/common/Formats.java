package org.switchboard.common;

import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

/**
 * Dates, times, numbers and durations as the user reads them: in the screen's language and the user's
 * time zone (Settings &gt; My account, else the browser's; {@link #useZone}). One format per kind, so
 * a screen shows one date format: {@link #date} is "2026-12-02" in English and "2026/12/02" in Japanese,
 * {@link #time} hours and minutes, {@link #duration} a clock ("4:05", "1:02:03") in every language.
 */
public record Formats(Locale locale, ZoneId zone) {

    /**
     * The formats of a screen: its locale, and the zone the user chose ({@link #useZone}), else the
     * browser's, else the server's.
     */
    public static Formats of(UI ui) {
        ZoneId chosen = ComponentUtil.getData(ui, ZoneId.class);
        return new Formats(Translations.supported(ui.getLocale()), chosen != null ? chosen : browserZone(ui).orElse(ZoneId.systemDefault()));
    }

    /** The zone the browser reported when the page loaded, if it did. */
    public static Optional<ZoneId> browserZone(UI ui) {
        ExtendedClientDetails browser = ui.getPage().getExtendedClientDetails();
        if (browser == null || browser.getTimeZoneId() == null || browser.getTimeZoneId().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(browser.getTimeZoneId()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The formats of the screen this thread works for. */
    public static Formats current() {
        return of(UI.getCurrentOrThrow());
    }

    /** The time zone the user chose, for the screen to show times in. */
    public static void useZone(UI ui, ZoneId zone) {
        ComponentUtil.setData(ui, ZoneId.class, zone);
    }

    /** The one date format of every screen, the date pickers' too ({@link ComponentTexts#datePicker}). */
    public String datePattern() {
        return japanese() ? "yyyy/MM/dd" : "yyyy-MM-dd";
    }

    public String date(LocalDate day) {
        return DateTimeFormatter.ofPattern(datePattern(), locale).format(day);
    }

    public String date(Instant instant) {
        return date(day(instant));
    }

    /** A day with its weekday, for headings ("Wed 2026-12-02", "2026/12/02(水)"). */
    public String dayWithWeekday(LocalDate day) {
        return DateTimeFormatter.ofPattern(japanese() ? "yyyy/MM/dd(E)" : "EEE yyyy-MM-dd", locale).format(day);
    }

    /** A short day for chart axes ("Wed 2", "2(水)"). */
    public String shortDay(LocalDate day) {
        return DateTimeFormatter.ofPattern(japanese() ? "d(E)" : "EEE d", locale).format(day);
    }

    /** Hours and minutes, 24-hour, as contact centers read them. */
    public String time(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm", locale).withZone(zone).format(instant);
    }

    public String timeWithSeconds(Instant instant) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", locale).withZone(zone).format(instant);
    }

    /** The date and time, the date as {@link #date}. */
    public String dateTime(Instant instant) {
        return date(instant) + " " + time(instant);
    }

    public String dateTimeWithSeconds(Instant instant) {
        return date(instant) + " " + timeWithSeconds(instant);
    }

    /** The calendar day of an instant in the user's zone. */
    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private boolean japanese() {
        return locale.equals(Translations.JAPANESE);
    }

    /** A clock-style duration: "0:07", "4:05", "1:02:03" (never negative). */
    public static String duration(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A share from 0 to 1 as a whole percent ("87%"). */
    public String percent(double share) {
        return NumberFormat.getPercentInstance(locale).format(share);
    }
}
