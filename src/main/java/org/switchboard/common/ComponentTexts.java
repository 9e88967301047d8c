package org.switchboard.common;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.UploadI18N;

/**
 * Vaadin components' own texts (calendar, buttons, upload states) in the screen's language: the
 * components ship English only. Month and weekday names come from the JDK's locale data, the rest from
 * the bundle ({@code common.component.*}).
 */
public final class ComponentTexts {

    private ComponentTexts() {
    }

    /** A date picker in the screen's language, with the screens' one date format ({@link Formats#datePattern}). */
    public static DatePicker datePicker(DatePicker picker, Formats formats) {
        Locale locale = formats.locale();
        picker.setLocale(locale);
        picker.setI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdays(week(TextStyle.FULL, locale))
                .setWeekdaysShort(week(TextStyle.SHORT, locale))
                .setFirstDayOfWeek(0)
                .setDateFormat(formats.datePattern())
                .setToday(Translations.translate(locale, "common.component.date-picker.today"))
                .setCancel(Translations.translate(locale, "common.component.date-picker.cancel"))
                .setBadInputErrorMessage(Translations.translate(locale, "common.component.date-picker.bad-input")));
        return picker;
    }

    /** Sunday first, as the date picker wants them. */
    private static List<String> week(TextStyle style, Locale locale) {
        return Stream.concat(Stream.of(DayOfWeek.SUNDAY),
                Arrays.stream(DayOfWeek.values()).filter(d -> d != DayOfWeek.SUNDAY))
                .map(d -> d.getDisplayName(style, locale)).toList();
    }

    /** An upload's texts; {@code fileTooBig} and {@code wrongType} say the screen's own limits. */
    public static UploadI18N upload(Locale locale, String fileTooBig, String wrongType) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(t(locale, "add-file")).setMany(t(locale, "add-files")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(t(locale, "drop-file")).setMany(t(locale, "drop-files")))
                .setError(new UploadI18N.Error().setTooManyFiles(t(locale, "too-many-files"))
                        .setFileIsTooBig(fileTooBig).setIncorrectFileType(wrongType))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(locale, "connecting"))
                                .setStalled(t(locale, "stalled")).setProcessing(t(locale, "processing")).setHeld(t(locale, "held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(locale, "remaining"))
                                .setUnknown(t(locale, "remaining-unknown")))
                        .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(locale, "server-unavailable"))
                                .setUnexpectedServerError(t(locale, "server-error")).setForbidden(t(locale, "forbidden"))
                                .setFileTooLarge(fileTooBig)))
                .setFile(new UploadI18N.File().setRetry(t(locale, "retry")).setStart(t(locale, "start")).setRemove(t(locale, "remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
    }

    private static String t(Locale locale, String what) {
        return Translations.translate(locale, "common.component.upload." + what);
    }
}
