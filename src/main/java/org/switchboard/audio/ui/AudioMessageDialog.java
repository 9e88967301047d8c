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
import org.switchboard.common.ComponentTexts;
import org.switchboard.common.ConflictException;
import org.switchboard.common.Message;
import org.switchboard.common.TypedChoices;
import org.switchboard.common.ValidationException;

/**
 * New, edit or (read-only) view one pre-recorded audio message. The audio is recorded in the browser
 * or uploaded; either way it arrives as a temporary file, is checked at once, and is stored on Save.
 */
class AudioMessageDialog extends Dialog {

    final TextField name = new TextField(getTranslation("audio.library.name"));
    final TextArea description = new TextArea(getTranslation("audio.library.description"));
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>(getTranslation("audio.library.tags"));
    /** The recorder stops two seconds early: it checks the time four times a second and the file must fit. */
    final AudioRecorder recorder = new AudioRecorder(AudioMessageService.MAX_DURATION.toSeconds() - 2, this::receivedLater);
    final Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> receivedLater(file)));
    final Span audioStatus = new Span();
    final Checkbox archived = new Checkbox(getTranslation("audio.dialog.archived"));
    final Span error = new Span();
    final Button save = new Button(getTranslation("common.action.save"));
    final Button delete = new Button(getTranslation("common.action.delete"));
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
        setHeaderTitle(getTranslation(existing == null ? "audio.dialog.new" : readOnly ? "audio.dialog.view" : "audio.dialog.edit"));
        setWidth("min(44rem, 100vw)");

        name.setId("audio-name");
        name.setMaxLength(AudioMessageForm.MAX_NAME);
        name.setRequired(true);
        description.setMaxLength(AudioMessageForm.MAX_DESCRIPTION);
        TypedChoices.allowTyped(tags, audio.tags(), getTranslation("audio.dialog.tags-help"));

        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) AudioMessageService.MAX_BYTES);
        upload.setAcceptedFileTypes("audio/*", ".wav", ".mp3", ".ogg", ".opus", ".webm");
        upload.setDropLabel(new Span(getTranslation("audio.dialog.drop")));
        upload.setId("audio-upload");
        UploadI18N uploadTexts = ComponentTexts.upload(getLocale(), getTranslation("audio.dialog.too-big"),
                getTranslation("audio.dialog.wrong-type"));
        uploadTexts.getError().setTooManyFiles(getTranslation("audio.dialog.one-file"));
        upload.setI18n(uploadTexts);
        upload.addFileRejectedListener(e -> showError(e.getErrorMessage()));
        audioStatus.setId("audio-status");
        Div audioField = new Div();
        audioField.addClassName("audio-field");
        audioField.add(new Span(getTranslation("audio.dialog.audio")), audioStatus);
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
            audioStatus.setText(getTranslation("audio.dialog.record-or-upload"));
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

        Button cancel = new Button(getTranslation(readOnly ? "common.action.close" : "common.action.cancel"), e -> close());
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

    /** A file and what it is, or why it is refused (said in the UI's turn, in the screen's language). */
    private record Arrival(Path file, AudioSummary summary, Message refusal) {
    }

    private Arrival check(Path file) {
        try {
            return new Arrival(file, audio.inspect(file), null);
        } catch (ValidationException e) {
            deleteQuietly(file);
            return new Arrival(file, null, e::in);
        }
    }

    private void show(Arrival arrival) {
        if (arrival.refusal() != null) {
            showError(arrival.refusal().in(getLocale()));
            return;
        }
        discardPending();
        pending = arrival.file();
        AudioSummary summary = arrival.summary();
        audioStatus.setText(getTranslation("audio.dialog.new-audio", describe(summary.format().name(), summary.duration(), summary.sizeBytes())));
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
        } catch (ValidationException | ConflictException e) {
            showError(e.in(getLocale()));
        } catch (AccessDeniedException e) {
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
        confirm.setHeader(confirm.getTranslation("audio.dialog.delete-question", message.name()));
        confirm.setText(confirm.getTranslation("audio.dialog.delete-explained"));
        confirm.setCancelable(true);
        confirm.setCancelText(confirm.getTranslation("common.action.cancel"));
        confirm.setConfirmText(confirm.getTranslation("common.action.delete"));
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
