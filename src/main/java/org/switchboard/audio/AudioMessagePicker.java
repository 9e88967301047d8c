package org.switchboard.audio;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.common.Refusal;

/**
 * "Show Recordings" on an active call: the messages that are not archived, searchable by name and
 * tag. The agent picks one, then "Play" (the call goes on) or "Play recording and hang up" (the call
 * ends when the recording has finished); the play is recorded and starts in {@code playback}.
 *
 * <pre>{@code
 * new AudioMessagePicker(audioMessageService, call.id(), playback).open();
 * }</pre>
 */
public class AudioMessagePicker extends Dialog {

    final TextField search = new TextField();
    final Grid<AudioMessage> grid = new Grid<>();
    final Button play = new Button(getTranslation("audio.picker.play"), VaadinIcon.PLAY.create());
    final Button playAndHangUp = new Button(getTranslation("audio.picker.play-and-hang-up"), VaadinIcon.PHONE_LANDLINE.create());
    final Span error = new Span();
    /** Why the play buttons wait: shown until a recording is chosen. */
    final Span hint = new Span(getTranslation("audio.picker.hint"));
    private final AudioMessageService audio;

    public AudioMessagePicker(AudioMessageService audio, long contactId, RecordingPlayback playback) {
        this.audio = audio;
        setHeaderTitle(getTranslation("audio.picker.title"));
        setWidth("min(48rem, 100vw)");
        setHeight("min(34rem, 100vh)");

        search.setPlaceholder(getTranslation("audio.library.search-placeholder"));
        search.setAriaLabel(getTranslation("audio.picker.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidthFull();

        grid.addColumn(AudioMessage::name).setHeader(getTranslation("audio.library.name")).setFlexGrow(2);
        grid.addColumn(m -> String.join(", ", m.tags())).setHeader(getTranslation("audio.library.tags")).setFlexGrow(1);
        grid.addColumn(AudioMessage::durationText).setHeader(getTranslation("audio.library.length")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AudioMessage::description).setHeader(getTranslation("audio.library.description")).setFlexGrow(2);
        grid.setEmptyStateText(getTranslation("audio.picker.none-match"));
        grid.addSelectionListener(e -> updateButtons());
        grid.setId("recording-list");

        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        hint.setId("recording-hint");
        hint.addClassName("form-hint");
        add(search, grid, hint, error);

        play.setId("play-recording");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        play.addClickListener(e -> choose(contactId, playback, false));
        playAndHangUp.setId("play-recording-and-hang-up");
        playAndHangUp.addThemeVariants(ButtonVariant.LUMO_ERROR);
        playAndHangUp.addClickListener(e -> choose(contactId, playback, true));
        getFooter().add(new Button(getTranslation("common.action.cancel"), e -> close()), playAndHangUp, play);
        refresh();
    }

    private void choose(long contactId, RecordingPlayback playback, boolean thenHangUp) {
        AudioMessage chosen = grid.asSingleSelect().getValue();
        if (chosen == null) {
            return;
        }
        try {
            AudioMessage message = audio.play(contactId, chosen.id(), thenHangUp);
            close();
            playback.start(contactId, message, thenHangUp);
        } catch (Refusal e) {
            showError(e.in(getLocale()));
        } catch (AccessDeniedException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** Lists the matches; a chosen recording that still matches stays chosen. */
    private void refresh() {
        AudioMessage chosen = grid.asSingleSelect().getValue();
        List<AudioMessage> matches = audio.playable(search.getValue());
        grid.setItems(matches);
        if (chosen != null && matches.contains(chosen)) {
            grid.select(chosen);
        }
        updateButtons();
    }

    private void updateButtons() {
        boolean chosen = grid.asSingleSelect().getValue() != null;
        play.setEnabled(chosen);
        playAndHangUp.setEnabled(chosen);
        hint.setVisible(!chosen);
    }
}
