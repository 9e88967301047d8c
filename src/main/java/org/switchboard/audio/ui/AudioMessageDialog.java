package org.switchboard.audio.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.audio.AudioMessage;
import org.switchboard.audio.AudioMessageForm;
import org.switchboard.audio.AudioMessageService;
import org.switchboard.audio.AudioSummary;
import org.switchboard.common.ConflictException;
import org.switchboard.common.TypedChoices;
import org.switchboard.common.ValidationException;

/**
 * New, edit or (read-only) view one pre-recorded audio message. The audio is recorded in the browser
 * or uploaded; either way it arrives as a temporary file, is checked at once, and is stored on Save.
 */
class AudioMessageDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>("Tags");
    /** The recorder stops two seconds early: it checks the time four times a second and the file must fit. */
    final AudioRecorder recorder = new AudioRecorder(AudioMessageService.MAX_DURATION.toSeconds() - 2, this::receivedLater);
    final Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> receivedLater(file)));
    final Span audioStatus = new Span();
    final Checkbox archived = new Checkbox("Archived (not offered during calls)");
    final Span error = new Span();
    final Button save = new Button("Save");
    final Button delete = new Button("Delete");
    private final AudioMessageService audio;
    private final AudioMessage existing;
    private final Runnable onChanged;
    private Path pending;
    private final BeanValidationBinder<AudioMessageForm> binder = new BeanValidationBinder<>(AudioMessageForm.class);

    AudioMessageDialog(AudioMessageService audio, AudioMessage existing, Runnable onChanged) {
        this.audio = audio;
        this.existing = existing;
        this.onChanged = onChanged;
        boolean readOnly = existing != null && !existing.editable();
        setHeaderTitle(existing == null ? "New audio message" : readOnly ? "Audio message" : "Edit audio message");
        setWidth("min(44rem, 100vw)");

        name.setId("audio-name");
        name.setMaxLength(AudioMessageForm.MAX_NAME);
        name.setRequired(true);
        description.setMaxLength(AudioMessageForm.MAX_DESCRIPTION);
        TypedChoices.allowTyped(tags, audio.tags(), "Pick tags or type a new one and press Enter");

        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) AudioMessageService.MAX_BYTES);
        upload.setAcceptedFileTypes("audio/*", ".wav", ".mp3", ".ogg", ".opus", ".webm");
        upload.setDropLabel(new Span("or drop an audio file here (WAV, MP3, OGG, WebM; up to 10 MB and 5 minutes)"));
        upload.setId("audio-upload");
        upload.setI18n(new UploadI18N().setError(new UploadI18N.Error()
                .setFileIsTooBig("The file is larger than 10 MB; at most 10 MB is accepted.")
                .setIncorrectFileType("Only WAV, MP3, OGG and WebM audio files are accepted.")
                .setTooManyFiles("Remove the uploaded file (×) to upload another one.")));
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
        audioStatus.setId("audio-status");
        Div audioField = new Div();
        audioField.addClassName("audio-field");
        audioField.add(new Span("Audio"), audioStatus);
        if (existing != null) {
            audioField.add(new AudioElement(existing));
        }
        if (!readOnly) {
            audioField.add(recorder, upload);
        }
        audioField.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");

        binder.forField(name).bind("name");
        binder.forField(description).bind("description");
        binder.forField(tags).bind("tags");
        binder.readRecord(existing == null ? new AudioMessageForm("", "", Set.of())
                : new AudioMessageForm(existing.name(), existing.description(), Set.copyOf(existing.tags())));
        if (existing != null) {
            archived.setValue(existing.archived());
            audioStatus.setText(describe(existing.format().name(), existing.duration(), existing.sizeBytes()));
        } else {
            audioStatus.setText("Record with the microphone or upload a file.");
        }
        archived.setVisible(existing != null);

        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        FormLayout form = new FormLayout(name, tags, description, archived);
        form.setColspan(description, 2);
        add(form, audioField, error);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                discardPending();
            }
        });

        Button cancel = new Button(readOnly ? "Close" : "Cancel", e -> close());
        if (readOnly) {
            name.setReadOnly(true);
            description.setReadOnly(true);
            tags.setReadOnly(true);
            archived.setReadOnly(true);
            getFooter().add(cancel);
            return;
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        delete.setVisible(existing != null);
        delete.getStyle().set("margin-inline-end", "auto");
        getFooter().add(delete, cancel, save);
    }

    /**
     * Uploads arrive on the upload's request thread: the file is checked there (reading it does not hold
     * the session lock), and the result is shown in the UI's turn.
     */
    private void receivedLater(File file) {
        Arrival arrival = check(file.toPath());
        UI ui = getUI().orElse(null);
        if (ui == null) {
            deleteQuietly(arrival.file());
            return;
        }
        ui.access(() -> show(arrival));
    }

    /**
     * A recorded or uploaded file, taken in the UI's turn: checked at once, so the user learns right
     * away whether it is usable. Uploads go through {@link #receivedLater}; tests hand files in here.
     */
    void received(Path file) {
        show(check(file));
    }

    /** A file and what it is, or why it is refused. */
    private record Arrival(Path file, AudioSummary summary, String refusal) {
    }

    private Arrival check(Path file) {
        try {
            return new Arrival(file, audio.inspect(file), null);
        } catch (ValidationException e) {
            deleteQuietly(file);
            return new Arrival(file, null, e.getMessage());
        }
    }

    private void show(Arrival arrival) {
        if (arrival.refusal() != null) {
            showError(arrival.refusal());
            return;
        }
        discardPending();
        pending = arrival.file();
        AudioSummary summary = arrival.summary();
        audioStatus.setText("New audio: " + describe(summary.format().name(), summary.duration(), summary.sizeBytes()));
        error.setVisible(false);
    }

    private void save() {
        AudioMessageForm values;
        try {
            values = binder.writeRecord();
        } catch (com.vaadin.flow.data.binder.ValidationException invalid) {
            return; // the fields say what to fix
        }
        try {
            if (existing == null) {
                audio.create(values, pending);
            } else {
                audio.update(existing.id(), existing.version(), values, pending);
                if (archived.getValue() != existing.archived()) {
                    audio.setArchived(existing.id(), archived.getValue());
                }
            }
            close();
            onChanged.run();
        } catch (ValidationException | ConflictException | AccessDeniedException e) {
            showError(e.getMessage());
        }
    }

    private void confirmDelete() {
        confirmDelete(existing, () -> {
            audio.delete(existing.id());
            close();
            onChanged.run();
        });
    }

    /** Asks before deleting; {@code delete} runs only on confirmation. */
    static void confirmDelete(AudioMessage message, Runnable delete) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Delete \"" + message.name() + "\"?");
        confirm.setText("The audio message and its recording are deleted. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete.run());
        confirm.open();
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void discardPending() {
        if (pending != null) {
            deleteQuietly(pending);
            pending = null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left for the system's temporary-file cleanup; nothing the user could do about it.
        }
    }

    static String describe(String format, Duration duration, long bytes) {
        String size = bytes >= 1024 * 1024 ? "%.1f MB".formatted(bytes / 1024.0 / 1024.0) : Math.max(1, bytes / 1024) + " KB";
        return format + " · " + AudioMessage.formatDuration(duration) + " · " + size;
    }
}
