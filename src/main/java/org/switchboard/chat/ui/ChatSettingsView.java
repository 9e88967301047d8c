package org.switchboard.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.chat.ChatService;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** The agent's chat notification settings: the optional message tone of the chat pop-up. */
@Route("settings/chat")
@Menu(title = "chat.settings.title", icon = "vaadin:bell", order = 930)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-clock.js")
class ChatSettingsView extends Main implements HasDynamicTitle {

    final Checkbox tone = new Checkbox(getTranslation("chat.settings.tone"));

    ChatSettingsView(ChatService chats, AuthenticationContext authentication) {
        SignedInUser me = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassName("settings-view");
        tone.setId("chat-tone");
        tone.setValue(chats.messageTone(me.id()));
        tone.addValueChangeListener(e -> {
            if (e.isFromClient() && UserActions.run(() -> chats.setMessageTone(me.id(), e.getValue()))) {
                UserActions.success(e.getValue() ? "chat.settings.tone-on" : "chat.settings.tone-off");
            }
        });
        Button sample = new Button(getTranslation("chat.settings.play-tone"), e -> getElement().executeJs("window.sbTone(660, [0])"));
        sample.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new Paragraph(getTranslation("chat.settings.explained")), tone, sample);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chat.settings.title") + " | Switchboard";
    }
}
