package org.switchboard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No screen or service writes a user-visible text in the code: the places that show or say a text
 * (component texts, labels, notifications, menu titles, refusals) get a bundle key. The browserless walk
 * of the screens in Japanese ({@code JapaneseScreensTest}) checks what is shown; this scan finds the
 * literal where it is written, also in code no test opens.
 */
class UserVisibleLiteralsTest {

    /** Where a string literal becomes a text a person reads. */
    static final Pattern SHOWN = Pattern.compile(
            "(?:new (?:Button|Span|H1|H2|H3|H4|H5|Paragraph|Div|Text|Anchor|NativeLabel|TextField|TextArea|PasswordField"
            + "|ComboBox<[^>]*>|Select<[^>]*>|DatePicker|Checkbox|Tab|SideNavItem|IntegerField|NumberField|EmailField"
            + "|MultiSelectComboBox<[^>]*>|CheckboxGroup<[^>]*>|RadioButtonGroup<[^>]*>|Details|ConfirmDialog|Notification|Emphasis|Strong|Small)"
            + "|\\.set(?:Text|Label|Placeholder|HelperText|AriaLabel|TooltipText|Header|HeaderText|ConfirmText|CancelText"
            + "|RejectText|EmptyStateText|ErrorMessage|Title)|\\.addItem|Notification\\.show|UserActions\\.(?:error|success)"
            + "|new (?:Validation|Conflict|NotFound)Exception|@PageTitle|@Menu\\(title =)"
            + "\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern KEY = Pattern.compile("[a-z]+(?:\\.[a-z0-9-]+){2,}");
    /** Texts that are the same in every language. */
    static final Set<String> ANY_LANGUAGE = Set.of("Switchboard", "", " ", "·", "—", "–", "/", ":", "+", "×");

    /**
     * Files whose texts are still written in English, to be moved into the bundles (issue 18); this list
     * only shrinks.
     */
    static final Set<String> NOT_YET_TRANSLATED = Set.of();

    @Test
    void screensAndServicesNameBundleKeys() {
        Set<String> literals = new TreeSet<>();
        Set<String> translatedMeanwhile = new TreeSet<>(NOT_YET_TRANSLATED);
        TranslationsTest.javaFiles().forEach(file -> {
            String where = TranslationsTest.SOURCES.relativize(file).toString();
            Matcher shown = SHOWN.matcher(TranslationsTest.read(file));
            while (shown.find()) {
                String text = shown.group(1);
                if (!KEY.matcher(text).matches() && !ANY_LANGUAGE.contains(text) && text.matches(".*[A-Za-z]{2,}.*")) {
                    translatedMeanwhile.remove(where);
                    if (!NOT_YET_TRANSLATED.contains(where)) {
                        literals.add(where + ": \"" + text + "\"");
                    }
                }
            }
        });
        assertThat(literals).as("user-visible texts written in code instead of a bundle key").isEmpty();
        assertThat(translatedMeanwhile).as("files with no literal left: take them off NOT_YET_TRANSLATED").isEmpty();
    }

    @Test
    void theScanFindsALiteralLabel() {
        assertThat(SHOWN.matcher("add(new Button(\"Save\", e -> save()));").find()).isTrue();
        assertThat(SHOWN.matcher("field.setHelperText(\"8 to 72 characters\");").find()).isTrue();
        assertThat(SHOWN.matcher("throw new ValidationException(\"Pick a week.\");").find()).isTrue();
        assertThat(SHOWN.matcher("new Button(getTranslation(\"dashboard.offer.accept\"))").find()).isFalse();
    }
}
