package org.switchboard.audio;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import org.switchboard.common.ConflictException;
import org.switchboard.common.NotFoundException;

/**
 * The recording an agent plays into its call: name, progress and a Stop button. The agent's browser
 * plays the audio; on a web call the dashboard's softphone mixes it into what the caller hears (the
 * agent hears it quieter). The server has written the play to the contact's history (and planned the
 * hang-up) before this starts. Hidden while nothing plays.
 * Place it where a repaint of the call panel does not remove it, or the playing audio stops.
 */
@JavaScript("context://assets/sb-audio.js")
public class RecordingPlayback extends Div {

    final Span title = new Span();
    final Button stop = new Button(getTranslation("audio.playback.stop"), VaadinIcon.STOP.create());
    private final Element player = new Element("sb-audio-playback");
    private final AudioMessageService audio;
    private Playing playing;

    /** What plays now. */
    public record Playing(long contactId, AudioMessage message, boolean thenHangUp) {
    }

    public RecordingPlayback(AudioMessageService audio) {
        this.audio = audio;
        setId("recording-playback");
        addClassName("recording-playback");
        title.addClassName("playback-title");
        stop.setId("stop-recording");
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        stop.addClickListener(e -> stop());
        player.addEventListener("playback-ended", e -> finished());
        player.addEventListener("playback-failed", e -> {
            if (playing != null) {
                title.setText(getTranslation("audio.playback.failed", playing.message().name()));
            }
        });
        getElement().appendChild(title.getElement(), player);
        add(stop);
        setVisible(false);
    }

    /** Starts playing {@code message}, after {@link AudioMessageService#play} recorded it. */
    public void start(long contactId, AudioMessage message, boolean thenHangUp) {
        playing = new Playing(contactId, message, thenHangUp);
        title.setText(getTranslation(thenHangUp ? "audio.playback.playing-then-hang-up" : "audio.playback.playing", message.name()));
        player.setAttribute("src", message.contentUrl());
        player.setAttribute("duration-ms", String.valueOf(message.duration().toMillis()));
        player.callJsFunction("play");
        stop.setVisible(true);
        setVisible(true);
    }

    /** The recording playing now, or null. */
    public Playing playing() {
        return playing;
    }

    /** The agent stops the recording: written to the history; a planned hang-up is cancelled. */
    public void stop() {
        if (playing == null) {
            return;
        }
        Playing stopped = playing;
        silence();
        try {
            audio.stopped(stopped.contactId(), stopped.message().id());
        } catch (ConflictException | NotFoundException e) {
            // The call ended meanwhile: there is no hang-up left to cancel and nothing more to record.
        }
    }

    /** Stops the sound without telling the server, for a call that has ended anyway. */
    public void silence() {
        player.callJsFunction("stop");
        playing = null;
        setVisible(false);
    }

    private void finished() {
        playing = null;
        setVisible(false);
    }
}
