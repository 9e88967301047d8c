package org.switchboard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.switchboard.agent.PauseReason;
import org.switchboard.chat.ChannelBadge;
import org.switchboard.chat.MessageTone;
import org.switchboard.contact.Channel;
import org.switchboard.contact.ContactType;
import org.switchboard.queue.QueueKind;

/** The two bundles say the same things, and every key the code names is in them. */
class TranslationsTest {

    static final Path SOURCES = Path.of("src/main/java/org/switchboard");
    /** A literal that names a key: a feature's name, then at least two dot-separated parts. */
    static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-z0-9-]+){2,})\"");
    /** Japanese texts that are rightly the same as the English ones. */
    static final Set<String> SAME_IN_BOTH = Set.of("chat.channel.sms", "chat.channel.facebook", "chat.channel.instagram");

    @Test
    void japaneseHasEveryEnglishKeyAndNoOther() {
        Set<String> english = Translations.bundle(Translations.ENGLISH).keySet();
        Set<String> japanese = Translations.bundle(Translations.JAPANESE).keySet();
        assertThat(new TreeSet<>(japanese)).as("keys missing in translations_ja.properties")
                .containsAll(new TreeSet<>(english));
        assertThat(new TreeSet<>(english)).as("keys only in translations_ja.properties").containsAll(new TreeSet<>(japanese));
    }

    @Test
    void everyKeyTheCodeNamesExists() {
        Set<String> features = features();
        Set<String> keys = Translations.bundle(Translations.ENGLISH).keySet();
        var missing = new TreeMap<String, String>();
        javaFiles().forEach(file -> {
            Matcher literal = KEY_LITERAL.matcher(read(file));
            while (literal.find()) {
                String key = literal.group(1);
                if (features.contains(key.substring(0, key.indexOf('.'))) && !keys.contains(key)) {
                    missing.put(key, SOURCES.relativize(file).toString());
                }
            }
        });
        assertThat(missing).as("keys named in code but missing in translations.properties").isEmpty();
    }

    @Test
    void japaneseTextsAreTranslated() {
        ResourceBundle english = Translations.bundle(Translations.ENGLISH);
        ResourceBundle japanese = Translations.bundle(Translations.JAPANESE);
        var untranslated = english.keySet().stream()
                .filter(k -> !SAME_IN_BOTH.contains(k) && japanese.containsKey(k))
                .filter(k -> english.getString(k).equals(japanese.getString(k)) && english.getString(k).matches(".*[A-Za-z]{3,}.*"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(untranslated).as("Japanese texts still in English").isEmpty();
    }

    /** A pattern with arguments goes through MessageFormat, which eats a single apostrophe. */
    @Test
    void patternsDoubleTheirApostrophes() {
        for (Locale language : Translations.LANGUAGES) {
            ResourceBundle bundle = Translations.bundle(language);
            var broken = bundle.keySet().stream().filter(k -> bundle.getString(k).matches("(?s).*\\{\\d.*"))
                    .filter(k -> bundle.getString(k).matches("(?s).*(?<!')'(?!').*"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(broken).as("patterns with a single apostrophe in " + language).isEmpty();
        }
    }

    @Test
    void argumentsAndNestedMessagesAreSaidInTheSameLanguage() {
        assertThat(Translations.translate(Translations.JAPANESE, "common.error.stale-version", Message.of("queue.error.this-queue")))
                .isEqualTo("このキューは他のユーザーが変更しました。再読み込みしてからやり直してください。");
        assertThat(new ConflictException("common.error.stale-version", Message.of("queue.error.this-queue")).getMessage())
                .isEqualTo("Someone else changed this queue meanwhile. Reload and try again.");
        assertThat(Translations.translate(Locale.forLanguageTag("ja-JP"), "security.login.locked", 5)).contains("5分後");
        assertThat(Translations.english("security.login.locked", 1)).contains("in 1 minute.");
        assertThat(Translations.translate(Locale.GERMAN, "shared.layout.sign-out")).isEqualTo("Logout");
        assertThat(Translations.english("contact.error.no-such-contact", 12345L)).as("an id as written").isEqualTo("No contact 12345.");
        assertThat(Translations.english("chat.popup.unread", 2)).isEqualTo("2 unread chats");
    }

    /** Keys made from values (contact types, queue kinds, channels) are not literals the code scan finds. */
    @Test
    void everyValueShownByItsNameHasATextInBothLanguages() {
        Set<String> keys = Translations.bundle(Translations.ENGLISH).keySet();
        List<String> made = new ArrayList<>();
        Arrays.stream(ContactType.values()).map(ContactType::key).forEach(made::add);
        Arrays.stream(QueueKind.values()).forEach(kind -> made.addAll(List.of(kind.key(), kind.key() + "-lower")));
        Arrays.stream(Channel.values()).map(ChannelBadge::key).forEach(made::add);
        Arrays.stream(MessageTone.Sound.values()).map(MessageTone.Sound::key).forEach(made::add);
        assertThat(keys).containsAll(made);
        assertThat(PauseReason.shown(PauseReason.MISSED_OFFERS, Translations.JAPANESE)).isEqualTo("着信の取り損ね");
        assertThat(PauseReason.shown("Lunch", Translations.JAPANESE)).isEqualTo("Lunch");
    }

    static Set<String> features() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> javaFiles() {
        try {
            return Files.walk(SOURCES).filter(f -> f.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
