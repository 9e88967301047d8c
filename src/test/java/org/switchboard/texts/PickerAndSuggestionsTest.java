package org.switchboard.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.switchboard.SwitchboardApplication;
import org.switchboard.SwitchboardTest;
import org.switchboard.security.UserService;

@SwitchboardTest
@ViewPackages(classes = SwitchboardApplication.class)
class PickerAndSuggestionsTest extends SpringBrowserlessTest {

    @Autowired
    TextMessageService texts;
    @Autowired
    UserService users;

    static final PlaceholderContext CONTEXT = new PlaceholderContext("Carla Customer", "Alice Moreno", "Support");

    long agent1() {
        return users.findByUsername("agent1").orElseThrow().id();
    }

    @Test
    @WithUserDetails("agent1")
    void pickerHandsTheFilledTextToTheCallbackAndLeavesTheMessageUnchanged() {
        String tag = "p" + UUID.randomUUID().toString().substring(0, 8);
        TextMessage own = texts.create(new TextMessageForm("Welcome " + tag, "/" + tag, Set.of("Openers"),
                "Hello {customer.name}, {agent.name} here from {queue.name}. Ref {order.id}", false));
        navigate("settings/texts", Component.class);
        AtomicReference<String> chosen = new AtomicReference<>();
        TextMessagePicker picker = new TextMessagePicker(texts, CONTEXT, chosen::set);
        UI.getCurrent().add(picker);
        picker.open();

        // public demo messages and the own one are listed
        assertThat(IntStream.range(0, test(picker.grid).size()).mapToObj(i -> test(picker.grid).getRow(i).shortcut()))
                .contains("/hours", "/" + tag);
        test(picker.search).setValue(tag);
        assertThat(test(picker.grid).size()).isEqualTo(1);
        picker.category.setValue("Closing");
        assertThat(test(picker.grid).size()).isZero();
        picker.category.clear();
        test(picker.grid).clickRow(0);

        assertThat(chosen.get()).isEqualTo("Hello Carla Customer, Alice Moreno here from Support. Ref {order.id}");
        assertThat(picker.isOpened()).isFalse();
        assertThat(texts.get(own.id()).body()).startsWith("Hello {customer.name}");
        texts.delete(own.id());
    }

    @Test
    @WithUserDetails("agent1")
    void typingAShortcutOffersMatchesAndChoosingOneFillsTheField() {
        String tag = "s" + UUID.randomUUID().toString().substring(0, 8);
        TextMessage own = texts.create(new TextMessageForm("Hi", "/" + tag + "-hi", Set.of(), "Hi {customer.name}!", false));
        TextMessage other = texts.create(new TextMessageForm("Bye", "/" + tag + "-bye", Set.of(), "Bye {order.id}", false));
        navigate("settings/texts", Component.class);
        TextArea field = new TextArea();
        ShortcutSuggestions suggestions = new ShortcutSuggestions(field, texts, agent1(), () -> CONTEXT);
        UI.getCurrent().add(suggestions, field);
        assertThat(suggestions.isVisible()).isFalse();

        test(field).setValue("Dear customer, /" + tag);
        assertThat(suggestions.isVisible()).isTrue();
        assertThat(suggestions.suggestions()).extracting(TextMessage::id).containsExactly(other.id(), own.id());
        test(field).setValue("Dear customer, /" + tag + "-h");
        assertThat(suggestions.suggestions()).extracting(TextMessage::id).containsExactly(own.id());

        Button option = (Button) suggestions.getComponentAt(0);
        assertThat(option.getText()).isEqualTo("/" + tag + "-hi · Hi");
        test(option).click();
        assertThat(field.getValue()).isEqualTo("Dear customer, Hi Carla Customer!");
        assertThat(suggestions.isVisible()).isFalse();

        // the agent edits the text; the saved message stays as it was
        test(field).setValue(field.getValue() + " Welcome back.");
        assertThat(suggestions.isVisible()).isFalse();
        assertThat(texts.get(own.id()).body()).isEqualTo("Hi {customer.name}!");

        // a slash inside a word (a URL) offers nothing
        test(field).setValue("see example.com/" + tag);
        assertThat(suggestions.isVisible()).isFalse();
        texts.delete(own.id());
        texts.delete(other.id());
    }
}
