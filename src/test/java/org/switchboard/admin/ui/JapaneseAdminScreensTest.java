package org.switchboard.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.RoutingFixture;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.agent.PauseReasonService;
import org.switchboard.audio.AudioMessagePicker;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.RecordingPlayback;
import org.switchboard.dashboard.QueueDetails;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.UserService;
import org.switchboard.texts.PlaceholderContext;
import org.switchboard.texts.TextMessagePicker;
import org.switchboard.texts.TextMessageService;

/**
 * The admin, supervisor and library screens opened in Japanese, with their dialogs: every label, text,
 * header, placeholder, helper and tooltip they show is Japanese. What users entered (names of queues,
 * users, recordings, messages) is theirs and left out, as are a few words every language writes the same.
 */
@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
@WithUserDetails("admin")
class JapaneseAdminScreensTest extends SpringBrowserlessTest {

    /** Words Japanese screens write in Latin letters too: names, formats, keys, and the shortcut example. */
    static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("Switchboard", "API", "SL", "MB", "WAV", "MP3", "OGG", "WebM",
            "Enter", "Web", "Webhook", "CTI", "Prometheus", "sim", "eigyojikan");
    /** Syntax written the same in every language: the placeholders of a text message, the API's header and path. */
    static final List<String> SYNTAX = List.of("{customer.name}", "{agent.name}", "{queue.name}", "Authorization: Bearer <key>",
            "GET /actuator/prometheus");
    /** Where components put the texts a person reads, besides their text. */
    static final List<String> SHOWN_PROPERTIES = List.of("label", "placeholder", "helperText", "title", "headerTitle", "header",
            "headerText", "confirmText", "cancelText", "accessibleName", "ariaLabel");
    static final List<String> SHOWN_ATTRIBUTES = List.of("title", "aria-label", "placeholder", "label");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");

    @Autowired
    RoutingFixture fixture;
    @Autowired
    QueueService queues;
    @Autowired
    UserService users;
    @Autowired
    PauseReasonService reasons;
    @Autowired
    AudioMessageService audio;
    @Autowired
    TextMessageService texts;

    QueueInfo queue;

    @BeforeEach
    void japanese() {
        queue = fixture.queue(QueueKind.CALL, 0, 0);
        UI.getCurrent().setLocale(Locale.JAPANESE);
    }

    @Test
    void adminScreensAndTheirDialogsAreJapanese() {
        List<String> english = new ArrayList<>();
        english.addAll(latinOn("admin/users"));
        test($(Button.class).withText("新しいユーザー").single()).click();
        english.addAll(shownLatin("admin/users + new user"));

        english.addAll(latinOn("admin/queues"));
        test($(Button.class).id("new-queue")).click();
        english.addAll(shownLatin("admin/queues + new queue"));

        for (String route : List.of("admin/pause-reasons", "admin/audit", "admin/api-keys", "admin/simulator", "admin/hold-music")) {
            english.addAll(latinOn(route));
        }
        assertThat(english).as("Latin words on the admin screens in Japanese").isEmpty();
    }

    @Test
    void supervisionIsJapanese() {
        List<String> english = new ArrayList<>();
        english.addAll(latinOn("supervision"));
        english.addAll(latinOn("supervision/queue/" + queue.id()));
        assertThat(english).as("Latin words on the supervision screens in Japanese").isEmpty();
    }

    @Test
    void librariesAndTheirPickersAreJapanese() {
        List<String> english = new ArrayList<>();
        english.addAll(latinOn("settings/texts"));
        test($(Button.class).withText("+定型文を追加").single()).click();
        english.addAll(shownLatin("settings/texts + new message"));

        english.addAll(latinOn("settings/audio"));
        test($(Button.class).id("new-audio-message")).click();
        english.addAll(shownLatin("settings/audio + new message"));

        closeDialogs();
        new TextMessagePicker(texts, PlaceholderContext.NONE, chosen -> { }).open();
        english.addAll(shownLatin("text message picker"));
        closeDialogs();
        new AudioMessagePicker(audio, 0, new RecordingPlayback(audio)).open();
        english.addAll(shownLatin("recordings picker"));
        assertThat(english).as("Latin words in the libraries in Japanese").isEmpty();
    }

    @Test
    void theWalkFindsAnEnglishLabel() {
        UI.getCurrent().add(new Button("Save"));
        assertThat(shownLatin("a button")).contains("a button: Save");
    }

    private List<String> latinOn(String route) {
        closeDialogs();
        UI.getCurrent().navigate(route);
        return shownLatin(route);
    }

    private void closeDialogs() {
        $(Dialog.class).all().forEach(Dialog::close);
    }

    /** Each text shown on the screen that holds a Latin word, after what users entered and the allowed words. */
    private List<String> shownLatin(String where) {
        List<String> data = entered();
        Set<String> found = new TreeSet<>();
        for (Component component : $(Component.class).all()) {
            if (insideAgentScreensPart(component)) {
                continue;
            }
            Element element = component.getElement();
            // The service level's explanation on the drill-down is the agent screens' (QueueFigures.SERVICE_LEVEL_EXPLAINED).
            boolean explainsServiceLevel = component.getId().filter("service-level"::equals).isPresent();
            Stream<String> said = Stream.concat(
                    element.getChildren().filter(Element::isTextNode).map(Element::getText),
                    Stream.concat(SHOWN_PROPERTIES.stream().map(element::getProperty),
                            SHOWN_ATTRIBUTES.stream().filter(a -> !(explainsServiceLevel && a.equals("title"))).map(element::getAttribute)));
            said.filter(text -> text != null && !text.isBlank()).forEach(text -> {
                String left = text;
                for (String entry : data) {
                    left = left.replace(entry, " ");
                }
                Matcher word = LATIN_WORD.matcher(left);
                while (word.find()) {
                    if (!SAME_IN_EVERY_LANGUAGE.contains(word.group())) {
                        found.add(where + ": " + text);
                        break;
                    }
                }
            });
        }
        return List.copyOf(found);
    }

    /**
     * The drill-down's lists of waiting contacts and agents are the agent screens' component (dashboard), which
     * those screens translate.
     */
    private static boolean insideAgentScreensPart(Component component) {
        for (Component c = component; c != null; c = c.getParent().orElse(null)) {
            if (c instanceof QueueDetails) {
                return true;
            }
        }
        return false;
    }

    /** What users entered, longest first so a name is taken out before a shorter one inside it. */
    private List<String> entered() {
        List<String> data = new ArrayList<>(SYNTAX);
        queues.findAll().forEach(q -> data.add(q.name()));
        users.findAll().forEach(u -> {
            data.add(u.username());
            data.add(u.displayName());
        });
        reasons.findAll().forEach(r -> data.add(r.name()));
        Stream.concat(audio.library(false, "").stream(), audio.library(true, "").stream()).forEach(m -> {
            data.add(m.name());
            data.addAll(m.tags());
        });
        texts.list("", null).forEach(m -> {
            data.add(m.title());
            data.add(m.shortcut());
            data.addAll(m.categories());
        });
        data.removeIf(entry -> entry == null || entry.isBlank());
        data.sort(Comparator.comparingInt(String::length).reversed());
        return data;
    }
}
