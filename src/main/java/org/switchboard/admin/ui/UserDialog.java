package org.switchboard.admin.ui;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import org.switchboard.common.UserActions;
import org.switchboard.security.Role;
import org.switchboard.security.UserForm;
import org.switchboard.security.UserService;
import org.switchboard.security.UserSummary;

/**
 * Creates a user ({@code existing == null}) or edits one. The form's constraints show beside each field;
 * what needs the database (a taken user name, the last admin) comes back from the service.
 */
class UserDialog extends Dialog {

    /** Extensions as the admin types them, separated by commas; blanks between commas are left out. */
    private static final Converter<String, List<String>> LINES = Converter.from(
            text -> Result.ok(Arrays.stream(text.split(",")).map(String::trim)
                    .filter(line -> !line.isEmpty()).toList()),
            lines -> lines == null ? "" : String.join(", ", lines));

    private final BeanValidationBinder<UserForm> binder = new BeanValidationBinder<>(UserForm.class);

    UserDialog(UserService users, UserSummary existing, Runnable onSaved) {
        setHeaderTitle(existing == null ? "New user" : "Edit " + existing.username());
        TextField username = new TextField("User name");
        username.setHelperText("Lower-case letters, digits, dots, dashes, underscores");
        TextField displayName = new TextField("Name");
        PasswordField password = new PasswordField(existing == null ? "Password" : "New password (optional)");
        password.setHelperText("8 to 72 characters");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        TextField lines = new TextField("Lines");
        lines.setId("user-lines");
        lines.setPlaceholder("e.g. 1001, 1002");
        lines.setHelperText("Phone extensions, separated by commas. The first takes contact-center calls until the agent picks another.");
        add(new FormLayout(username, displayName, password, roles, lines));

        binder.forField(username).bind("username");
        binder.forField(displayName).bind("displayName");
        var passwordBinding = binder.forField(password).withNullRepresentation("");
        if (existing == null) {
            passwordBinding = passwordBinding.asRequired(getTranslation(UserForm.PASSWORD_RULE_KEY));
        }
        passwordBinding.bind("password");
        binder.forField(roles).bind("roles");
        binder.forField(lines).withConverter(LINES).bind("lines");
        if (existing == null) {
            binder.readRecord(new UserForm("", "", null, EnumSet.of(Role.AGENT), List.of()));
        } else {
            binder.readRecord(new UserForm(existing.username(), existing.displayName(), null, existing.roles(),
                    existing.lines()));
            username.setReadOnly(true);
        }

        Button save = new Button("Save", e -> {
            UserForm form;
            try {
                form = binder.writeRecord();
            } catch (ValidationException invalid) {
                return; // the fields say what to fix
            }
            boolean saved = UserActions.run(() -> {
                if (existing == null) {
                    users.create(form);
                } else {
                    users.update(existing.id(), existing.version(), form);
                }
            });
            if (saved) {
                UserActions.success("Saved " + form.username() + ".");
                close();
                onSaved.run();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
