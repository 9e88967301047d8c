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
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.chat.ChatService;
import org.switchboard.chat.MessageTone;
import org.switchboard.common.Message;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.SignedInUser;

/** The agent's chat notification settings: the message tone of the chat pop-up, which one and how loud. */
@Route("settings/chat")
@Menu(title = "chat.settings.title", icon = "vaadin:bell", order = 930)
@RolesAllowed(Role.AGENT_ROLE)
@JavaScript("context://assets/sb-clock.js")
class ChatSettingsView extends Main implements HasDynamicTitle {

    final Checkbox tone = new Checkbox(getTranslation("chat.settings.tone"));
    final Select<MessageTone.Sound> sound = new Select<>();
    final IntegerField volume = new IntegerField(getTranslation("chat.settings.volume"));
    final Button preview = new Button(getTranslation("chat.settings.play-tone"), VaadinIcon.PLAY.create());

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
        sound.setLabel(getTranslation("chat.settings.sound"));
        sound.setItems(MessageTone.Sound.values());
        sound.setItemLabelGenerator(choice -> getTranslation(choice.key()));
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
        add(new Paragraph(getTranslation("chat.settings.explained")), tone, choice);
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
            UserActions.success(next.on() ? Message.of("chat.settings.tone-on", Message.of(next.sound().key()), next.volume())
                    : Message.of("chat.settings.tone-off"));
        } else {
            tone.setValue(saved.on());
            sound.setValue(saved.sound());
            volume.setValue(saved.volume());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("chat.settings.title") + " | Switchboard";
    }
}
