package org.switchboard.common;

import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

/**
 * The app's languages: English ({@code vaadin-i18n/translations.properties}, the default and the API's
 * language) and Japanese ({@code translations_ja.properties}). Vaadin uses this bean for
 * {@code getTranslation}; services' refusals ({@link Message}) go through the same bundle.
 *
 * <p>A key without arguments gives its text as written; with arguments the text is a {@link MessageFormat}
 * pattern (quotes doubled), as in Vaadin's own provider; a whole number in a plain {@code {0}} shows as
 * written (an id, a limit), while {@code {0,number}} and {@code {0,choice,...}} format it. A missing key gives the key itself, which the
 * bundle tests and the Japanese screen walk catch.
 */
@Component
public class Translations implements I18NProvider {

    public static final String BUNDLE = "vaadin-i18n/translations";
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    /** The languages a user may choose, the default first. */
    public static final List<Locale> LANGUAGES = List.of(ENGLISH, JAPANESE);

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return translate(locale, key, params);
    }

    /** The text of {@code key} in the supported language closest to {@code locale}. */
    public static String translate(Locale locale, String key, Object... args) {
        Locale language = supported(locale);
        String text;
        try {
            text = bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return text;
        }
        MessageFormat format = new MessageFormat(text, language);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] said = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i] instanceof Message m ? m.in(language) : args[i];
            // A plain {0} shows a whole number as written (ids, limits); {0,number} or {0,choice} format it.
            boolean plain = i >= formats.length || formats[i] == null;
            said[i] = plain && (arg instanceof Long || arg instanceof Integer) ? arg.toString() : arg;
        }
        return format.format(said);
    }

    /** The English text: what the API and the logs say. */
    public static String english(String key, Object... args) {
        return translate(ENGLISH, key, args);
    }

    /** Japanese for any Japanese locale, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && JAPANESE.getLanguage().equals(locale.getLanguage()) ? JAPANESE : ENGLISH;
    }

    /** The bundle of one language exactly as its file says, without falling back to the JVM's locale. */
    public static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language == ENGLISH ? Locale.ROOT : language, NO_FALLBACK);
    }
}
