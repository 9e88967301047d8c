package org.switchboard.texts;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * Offers pre-saved text messages while the user types a {@code /shortcut} in a text field or area.
 * Place this component next to (for example right above) the field; it is hidden while nothing
 * matches. It watches the last word of the field: when that word starts with "/", the own and public
 * messages whose shortcut starts with it are listed (at most
 * {@link TextMessageService#SUGGESTION_LIMIT}); choosing one replaces that word with the message text,
 * placeholders filled from the context supplier. The user can then edit the text freely; the saved
 * message never changes.
 *
 * <pre>{@code
 * TextArea message = new TextArea();
 * ShortcutSuggestions suggestions = new ShortcutSuggestions(message, textMessageService, user.id(),
 *         () -> new PlaceholderContext(customerName, user.displayName(), queueName));
 * layout.add(suggestions, message);
 * }</pre>
 *
 * The field's value change mode is set to {@link ValueChangeMode#EAGER} so suggestions follow each key.
 */
public class ShortcutSuggestions extends Div {

    private static final Pattern TRAILING_SHORTCUT = Pattern.compile("(^|\\s)(/[A-Za-z0-9_-]{0,30})$");

    private final HasValue<?, String> field;
    private final TextMessageService texts;
    private final long userId;
    private final Supplier<PlaceholderContext> context;
    private List<TextMessage> current = List.of();

    public <F extends Component & HasValue<?, String>> ShortcutSuggestions(F field, TextMessageService texts,
            long userId, Supplier<PlaceholderContext> context) {
        this.field = field;
        this.texts = texts;
        this.userId = userId;
        this.context = context;
        addClassName("shortcut-suggestions");
        getElement().setAttribute("role", "listbox");
        getElement().setAttribute("aria-label", getTranslation("chat.thread.pre-saved-texts"));
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        if (field instanceof HasValueChangeMode modes) {
            modes.setValueChangeMode(ValueChangeMode.EAGER);
        }
        field.addValueChangeListener(e -> update(e.getValue()));
        setVisible(false);
    }

    /** The messages currently offered, best first. */
    public List<TextMessage> suggestions() {
        return current;
    }

    /** Puts the filled text of {@code message} in place of the typed shortcut, as if the user picked it. */
    public void choose(TextMessage message) {
        String value = field.getValue() == null ? "" : field.getValue();
        Matcher m = TRAILING_SHORTCUT.matcher(value);
        String before = m.find() ? value.substring(0, m.start(2)) : value;
        field.setValue(before + texts.fill(message.id(), context.get()));
        current = List.of();
        removeAll();
        setVisible(false);
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }

    private void update(String value) {
        Matcher m = TRAILING_SHORTCUT.matcher(value == null ? "" : value);
        current = m.find() ? texts.suggest(userId, m.group(2)) : List.of();
        removeAll();
        for (TextMessage message : current) {
            Button option = new Button(message.shortcut() + " · " + message.title(), e -> choose(message));
            option.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            option.getElement().setAttribute("role", "option");
            option.setTooltipText(message.snippet(120));
            add(option);
        }
        setVisible(!current.isEmpty());
    }
}
