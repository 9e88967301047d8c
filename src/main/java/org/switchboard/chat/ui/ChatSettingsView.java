package org.switchboard.chat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.MessageTone;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** The agent's chat notification settings: the message tone of the chat pop-up, which one and how loud. */
@Route("settings/chat")
@PageTitle("Chat notifications")
@Menu(title = "Chat notifications", icon = "vaadin:bell", order = 930)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-clock.js")
class ChatSettingsView extends Main {

    final Checkbox tone = new Checkbox("Play a tone when a chat is offered to me or a customer writes");
    final Select<MessageTone.Sound> sound = new Select<>();
    final IntegerField volume = new IntegerField("Volume (0-100)");
    final Button preview = new Button("Play the tone", VaadinIcon.PLAY.create());

    private final ChatService chats;
    private final long userId;
    private MessageTone saved;

    ChatSettingsView(ChatService chats, AuthenticationContext authentication) {
        this.chats = chats;
        this.userId = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow().id();
        addClassName("settings-view");
        saved = chats.messageTone(userId);
        tone.setId("chat-tone");
        tone.setValue(saved.on());
        sound.setId("chat-tone-sound");
        sound.setLabel("Tone");
        sound.setItems(MessageTone.Sound.values());
        sound.setItemLabelGenerator(MessageTone.Sound::label);
        sound.setValue(saved.sound());
        volume.setId("chat-tone-volume");
        volume.setMin(0);
        volume.setMax(100);
        volume.setStep(10);
        volume.setStepButtonsVisible(true);
        volume.setValue(saved.volume());
        preview.setId("chat-tone-preview");
        preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        preview.addClickListener(e -> getElement().executeJs("window.sbMessageTone($0, $1)", chosen().sound().name(),
                chosen().volume()));
        tone.addValueChangeListener(e -> save(e.isFromClient()));
        sound.addValueChangeListener(e -> save(e.isFromClient()));
        volume.addValueChangeListener(e -> save(e.isFromClient()));
        Div choice = new Div(sound, volume, preview);
        choice.addClassName("status-bar");
        add(new Paragraph("New chats and customer messages show a pop-up at the bottom left of every screen, "
                + "with the customer's name and your number of unread chats."), tone, choice);
    }

    private MessageTone chosen() {
        return new MessageTone(tone.getValue(), sound.getValue(), volume.getValue() == null ? -1 : volume.getValue());
    }

    /** Every change is kept at once; a refused one (a volume out of range) puts the fields back as saved. */
    private void save(boolean fromUser) {
        if (!fromUser) {
            return;
        }
        MessageTone next = chosen();
        if (UserActions.run(() -> chats.setMessageTone(userId, next))) {
            saved = next;
            UserActions.success(next.on() ? "The message tone is on: " + next.sound().label() + " at " + next.volume() + "."
                    : "The message tone is off.");
        } else {
            tone.setValue(saved.on());
            sound.setValue(saved.sound());
            volume.setValue(saved.volume());
        }
    }
}
