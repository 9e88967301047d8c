package org.switchboard.chat.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import org.switchboard.chat.ChatService;

/** What the agent's chat thread and the customer's webchat page share: the message log and the line that sends. */
final class ChatComposer {

    private ChatComposer() {
    }

    /** The messages, announced by screen readers as they arrive; ids start with {@code prefix}. */
    static void log(Div messages, String prefix) {
        messages.setId(prefix + "-messages");
        messages.addClassName("chat-messages");
        messages.getElement().setAttribute("role", "log");
        messages.getElement().setAttribute("aria-live", "polite");
    }

    /** One line of text that Enter or the send button sends; ids start with {@code prefix}. */
    static void composer(TextField message, Button send, String prefix, String placeholder, Runnable sendMessage) {
        message.setId(prefix + "-message");
        message.setAriaLabel(message.getTranslation("chat.composer.message"));
        message.setPlaceholder(placeholder);
        message.setMaxLength(ChatService.MAX_TEXT);
        message.setWidthFull();
        message.addKeyDownListener(Key.ENTER, e -> sendMessage.run());
        send.setId(prefix + "-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> sendMessage.run());
    }
}
