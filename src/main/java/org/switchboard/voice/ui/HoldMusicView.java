package org.switchboard.voice.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.common.UserActions;
import org.switchboard.queue.QueueInfo;
import org.switchboard.queue.QueueKind;
import org.switchboard.queue.QueueService;
import org.switchboard.security.Role;
import org.switchboard.voice.VoiceService;

/** Admins choose, per call queue, the recording web callers hear while they wait or are held. */
@Route("admin/hold-music")
@Menu(title = "voice.hold-music.title", icon = "vaadin:music", order = 515)
@RolesAllowed(Role.ADMIN_ROLE)
class HoldMusicView extends Main implements HasDynamicTitle {

    /** A choice in a queue's list: a recording with its name and length, or the built-in tone (no id, named by the bundle). */
    record Choice(Long audioMessageId, String label) {
    }

    static final Choice TONE = new Choice(null, "");

    HoldMusicView(VoiceService voice, QueueService queues, AudioMessageService audio) {
        addClassName("settings-view");
        add(new Paragraph(getTranslation("voice.hold-music.explained")));
        List<Choice> choices = new ArrayList<>(List.of(TONE));
        audio.playable("").forEach(recording -> choices.add(new Choice(recording.id(), recording.name() + " ("
                + AudioMessage.formatDuration(recording.duration()) + ")")));
        Map<Long, Long> chosen = voice.holdMusic();
        for (QueueInfo queue : queues.findAll()) {
            if (queue.kind() != QueueKind.CALL) {
                continue;
            }
            Select<Choice> select = new Select<>();
            select.setLabel(queue.name());
            select.setId("hold-music-" + queue.id());
            select.setItemLabelGenerator(this::label);
            select.setItems(choices);
            select.setWidth("24rem");
            select.setValue(choices.stream().filter(c -> Objects.equals(c.audioMessageId(), chosen.get(queue.id())))
                    .findFirst().orElse(TONE));
            select.addValueChangeListener(e -> {
                if (e.isFromClient() && UserActions.run(() -> voice.setHoldMusic(queue.id(), e.getValue().audioMessageId()))) {
                    UserActions.success("voice.hold-music.chosen", queue.name(), label(e.getValue()));
                }
            });
            add(select);
        }
    }

    private String label(Choice choice) {
        return choice.audioMessageId() == null ? getTranslation("voice.hold-music.tone") : choice.label();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("voice.hold-music.title") + " | Switchboard";
    }
}
