package org.switchboard.texts.ui;

import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.switchboard.common.ConflictException;
import org.switchboard.common.TypedChoices;
import org.switchboard.common.ValidationException;
import org.switchboard.texts.TextMessage;
import org.switchboard.texts.TextMessageForm;
import org.switchboard.texts.TextMessageService;

/** Add, edit or (read-only) view one pre-saved text message. */
class TextMessageDialog extends Dialog {

    /** The placeholders a text may hold, written the same in every language. */
    static final String PLACEHOLDERS = "{customer.name}, {agent.name}, {queue.name}";

    final TextField title = new TextField(getTranslation("texts.library.message-title"));
    final TextField shortcut = new TextField(getTranslation("texts.library.shortcut"));
    final MultiSelectComboBox<String> categories = new MultiSelectComboBox<>(getTranslation("texts.library.categories"));
    final TextArea body = new TextArea(getTranslation("texts.library.text"));
    final Checkbox publicMessage = new Checkbox(getTranslation("texts.dialog.public"));
    final Span error = new Span();
    final Button save = new Button(getTranslation("common.action.save"));
    private final BeanValidationBinder<TextMessageForm> binder = new BeanValidationBinder<>(TextMessageForm.class);

    TextMessageDialog(TextMessageService texts, TextMessage existing, boolean managesPublic, Runnable onSaved) {
        boolean readOnly = existing != null && !existing.editable();
        setHeaderTitle(getTranslation(existing == null ? "texts.dialog.new" : readOnly ? "texts.dialog.public-title" : "texts.dialog.edit"));
        setWidth("min(40rem, 100vw)");

        title.setMaxLength(TextMessageForm.MAX_TITLE);
        title.setRequired(true);
        shortcut.setPlaceholder(getTranslation("texts.dialog.shortcut-example"));
        shortcut.setHelperText(getTranslation("texts.dialog.shortcut-help"));
        shortcut.setRequired(true);
        TypedChoices.allowTyped(categories, texts.categories(), getTranslation("texts.dialog.categories-help"));
        body.setMaxLength(TextMessageForm.MAX_BODY);
        body.setRequired(true);
        body.setValueChangeMode(ValueChangeMode.EAGER);
        body.setMinHeight("8rem");
        body.addValueChangeListener(e -> updateCounter());
        publicMessage.setVisible(managesPublic);

        binder.forField(title).bind("title");
        binder.forField(shortcut).bind("shortcut");
        binder.forField(categories).bind("categories");
        binder.forField(body).bind("body");
        binder.forField(publicMessage).bind("publicMessage");
        binder.readRecord(existing == null ? new TextMessageForm("", "", Set.of(), "", false)
                : new TextMessageForm(existing.title(), existing.shortcut(), Set.copyOf(existing.categories()),
                        existing.body(), existing.isPublic()));
        updateCounter();

        error.addClassName("form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        FormLayout form = new FormLayout(title, shortcut, categories, body, publicMessage);
        form.setColspan(body, 2);
        form.setColspan(categories, 2);
        add(form, error);

        Button cancel = new Button(getTranslation(readOnly ? "common.action.close" : "common.action.cancel"), e -> close());
        if (readOnly) {
            title.setReadOnly(true);
            shortcut.setReadOnly(true);
            categories.setReadOnly(true);
            body.setReadOnly(true);
            publicMessage.setReadOnly(true);
            getFooter().add(cancel);
            return;
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            TextMessageForm values;
            try {
                values = binder.writeRecord();
            } catch (com.vaadin.flow.data.binder.ValidationException invalid) {
                return; // the fields say what to fix
            }
            try {
                if (existing == null) {
                    texts.create(values);
                } else {
                    texts.update(existing.id(), existing.version(), values);
                }
                close();
                onSaved.run();
            } catch (ValidationException | ConflictException ex) {
                showError(ex.in(getLocale()));
            } catch (org.springframework.security.access.AccessDeniedException ex) {
                showError(ex.getMessage());
            }
        });
        getFooter().add(cancel, save);
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void updateCounter() {
        body.setHelperText(getTranslation("texts.dialog.counter", body.getValue().length(), TextMessageForm.MAX_BODY, PLACEHOLDERS));
    }
}
