package org.switchboard.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.chat.ChatService;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** The agent's chat notification settings: the optional message tone of the chat pop-up. */
@Route("settings/chat")
@PageTitle("Chat notifications")
@Menu(title = "Chat notifications", icon = "vaadin:bell", order = 930)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-clock.js")
class ChatSettingsView extends Main {

    final Checkbox tone = new Checkbox("Play a tone when a chat is offered to me or a customer writes");

    ChatSettingsView(ChatService chats, AuthenticationContext authentication) {
        SignedInUser me = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("settings-view");
        tone.setId("chat-tone");
        tone.setValue(chats.messageTone(me.id()));
        tone.addValueChangeListener(e -> {
            if (e.isFromClient() && UserActions.run(() -> chats.setMessageTone(me.id(), e.getValue()))) {
                UserActions.success(e.getValue() ? "The message tone is on." : "The message tone is off.");
            }
        });
        Button sample = new Button("Play the tone", e -> getElement().executeJs("window.sbTone(660, [0])"));
        sample.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph("New chats and customer messages show a pop-up at the bottom left of every screen, "
                + "with the customer's name and your number of unread chats."), tone, sample);
    }
}
